import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'auth:public';

/** Lets a route (or a whole controller) through without a token: health, metrics, docs, public notices. */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
