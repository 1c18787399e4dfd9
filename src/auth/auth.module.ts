import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AuthChangesFeed } from './auth-changes.feed';
import { AuthRepository } from './auth.repository';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { ServiceAccountRepository } from './service-account.repository';
import { ServiceAccountService } from './service-accounts';
import { ServiceAccountResolver } from './service-accounts.resolver';

/** Who is calling (sign-in, tokens, API keys) and whether they may: the guard applies access-policy.ts everywhere. */
@Module({
  providers: [AuthChangesFeed, AuthRepository, AuthService, AuthResolver, ServiceAccountRepository, ServiceAccountService, ServiceAccountResolver, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService, AuthRepository, AuthChangesFeed],
})
export class AuthModule {}
