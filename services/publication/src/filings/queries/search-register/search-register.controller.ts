import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@filing/auth';
import { RegisterReadModelStore } from '../../infrastructure/register-read-model.store';
import { SearchRegisterQuery } from './search-register.query';

/**
 * The public register of filed institutions (备案机构名录), searchable by city, occupation, level, name, credit code
 * and status (by default the entries in force: valid and suspended, each with its status, so a suspension shows).
 * Personal data stays out: the institution's address is public, its contact person, phone and e-mail are not (the
 * public asks the centre, whose contact every notice gives).
 */
@ApiTags('register')
@Public()
@Controller('public/register')
export class SearchRegisterController {
  constructor(private readonly register: RegisterReadModelStore) {}

  // The same bytes and headers as returning the object (Express's res.json), but serialised once per search and change.
  @Get()
  @Header('content-type', 'application/json; charset=utf-8')
  search(@Query() q: SearchRegisterQuery): Promise<string> {
    return this.register.searchJson(q);
  }
}
