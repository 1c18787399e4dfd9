import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { requestIdMiddleware } from '../platform/errors/request-context';
import { AccessDenialPlugin } from './access-denial.plugin';
import { AccessDenialRepository } from './access-denial.repository';
import { AccessDenialService } from './access-denial.service';
import { AuditResolver } from './audit.resolver';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

/**
 * What the API keeps of its requests: an id for each (x-request-id, in the logs and in internal errors) and the
 * record of denied attempts (`access_denials`, read through `accessDenials`), and for how long (the retention of
 * what grows with use).
 */
@Module({
  imports: [AuthModule],
  providers: [AccessDenialRepository, AccessDenialService, AccessDenialPlugin, AuditResolver, RetentionRepository, RetentionService],
  exports: [AccessDenialService, RetentionService],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestIdMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
