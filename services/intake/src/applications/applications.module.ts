import { Module } from '@nestjs/common';
import { SubmitApplicationController } from './commands/submit-application/submit-application.controller';
import { GetApplicationController } from './queries/get-application/get-application.controller';

@Module({ controllers: [SubmitApplicationController, GetApplicationController] })
export class ApplicationsModule {}
