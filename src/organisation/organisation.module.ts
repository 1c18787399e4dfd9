import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OrganisationRepository } from './organisation.repository';
import { OrganisationResolver } from './organisation.resolver';
import { OrganisationService } from './organisation.service';

@Module({
  imports: [AuthModule],
  providers: [OrganisationRepository, OrganisationService, OrganisationResolver],
})
export class OrganisationModule {}
