import { PartialType } from '@nestjs/swagger';
import { CreateExpertRequest } from '../create-expert/create-expert.request';

/** Any subset of the expert's fields; status changes have their own commands. */
export class UpdateExpertRequest extends PartialType(CreateExpertRequest) {}
