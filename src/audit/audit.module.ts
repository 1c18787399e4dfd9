import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AccessDenialPlugin } from './access-denial.plugin';
import { AccessDenialRepository } from './access-denial.repository';
import { AccessDenialService } from './access-denial.service';
import { AuditResolver } from './audit.resolver';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

/**
 * What the API keeps of its requests: the record of denied attempts (`access_denials`, read through
 * `accessDenials`), and for how long (the retention of what grows with use). Each request's id (x-request-id) is
 * given by the first middleware of src/platform/runtime/api-server.ts.
 */
@Module({
  imports: [AuthModule],
  providers: [AccessDenialRepository, AccessDenialService, AccessDenialPlugin, AuditResolver, RetentionRepository, RetentionService],
  exports: [AccessDenialService, RetentionService],
})
export class AuditModule {}
