import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CatalogRepository } from './catalog.repository';
import { CatalogResolver, IndicatorDetailsResolver } from './catalog.resolver';
import { CatalogService } from './catalog.service';

@Module({
  imports: [AuthModule],
  providers: [CatalogRepository, CatalogService, CatalogResolver, IndicatorDetailsResolver],
})
export class CatalogModule {}
