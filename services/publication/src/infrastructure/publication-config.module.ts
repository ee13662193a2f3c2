import { Global, Module } from '@nestjs/common';
import { loadPublicationConfig, PUBLICATION_CONFIG } from './publication.config';

@Global()
@Module({ providers: [{ provide: PUBLICATION_CONFIG, useFactory: loadPublicationConfig }], exports: [PUBLICATION_CONFIG] })
export class PublicationConfigModule {}
