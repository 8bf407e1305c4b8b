import { AccountsRepository } from './accounts.repository.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountToken, RecoveryCode } from './account-token.entity.js';
import { Account } from './account.entity.js';
import { AccountsService } from './accounts.service.js';
import { PatientsModule } from '../patients/patients.module.js';

@Module({
  imports: [TypeOrmModule.forFeature([Account, AccountToken, RecoveryCode]), PatientsModule],
  providers: [AccountsService, AccountsRepository],
  exports: [AccountsService],
})
export class AccountsModule {}
