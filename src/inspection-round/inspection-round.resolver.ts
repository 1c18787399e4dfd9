// Thin: who is calling, what they asked, delegated to the service.
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { PlanInspectionRoundInput, RecordFindingInput, RecordRoundScoresInput, RecordWindowCheckInput, RoundActionInput, SaveWindowChecklistInput } from '../platform/graphql/graphql.generated';
import type { RoundKind } from '../../workflows/inspection-round/inspection-round.types';
import { foundProblem } from '../rectification-item/item-input';
import { InspectionRoundService, type RoundView } from './inspection-round.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Caller } from '../auth/access-policy';

@Resolver('InspectionRound')
export class InspectionRoundResolver {
  constructor(
    private readonly rounds: InspectionRoundService,
  ) {}

  @Query('inspectionRounds')
  inspectionRounds(@Args('campaignId') campaignId: string | null, @Args('kind') kind: RoundKind | null) {
    return this.rounds.list(campaignId, kind);
  }

  @Query('inspectionRound')
  inspectionRound(@Args('id') id: string) {
    return this.rounds.get(id);
  }

  @Query('publicCivilityIndex')
  publicCivilityIndex(@Args('campaignId') campaignId: string | null) {
    return this.rounds.publicCivilityIndex(campaignId);
  }

  @Mutation('planInspectionRound')
  async planInspectionRound(@Args('input') i: PlanInspectionRoundInput, @CurrentActor() actor: Caller) {
    return this.rounds.plan(actor, i);
  }

  @Mutation('actOnInspectionRound')
  async actOnInspectionRound(@Args('input') i: RoundActionInput, @CurrentActor() actor: Caller) {
    return this.rounds.act(actor, i.roundId, i.action, i.note, i.expectedVersion);
  }

  @Mutation('recordFinding')
  async recordFinding(@Args('input') i: RecordFindingInput, @CurrentActor() actor: Caller) {
    return this.rounds.recordFinding(actor, i.roundId, foundProblem(i));
  }

  @Mutation('recordRoundScores')
  async recordRoundScores(@Args('input') i: RecordRoundScoresInput, @CurrentActor() actor: Caller) {
    return this.rounds.recordScores(actor, i.roundId, i.scores, i.unitCode, i.expectedVersion);
  }

  @Mutation('recordWindowCheck')
  async recordWindowCheck(@Args('input') i: RecordWindowCheckInput, @CurrentActor() actor: Caller) {
    return this.rounds.recordWindowCheck(actor, i.roundId, { unitCode: i.unitCode, results: i.results, expectedVersion: i.expectedVersion });
  }

  @Mutation('saveWindowChecklist')
  async saveWindowChecklist(@Args('input') i: SaveWindowChecklistInput, @CurrentActor() actor: Caller) {
    return this.rounds.saveWindowChecklist(actor, i.campaignId, i.points, i.expectedVersion);
  }

  @Query('windowChecklist')
  windowChecklist(@Args('campaignId') campaignId: string | null) {
    return this.rounds.windowChecklist(campaignId);
  }

  @Query('windowServiceUnits')
  windowServiceUnits() {
    return this.rounds.windowServiceUnits();
  }

  @Query('exportWindowChecks')
  exportWindowChecks(@Args('campaignId') campaignId: string | null) {
    return this.rounds.exportWindowChecks(campaignId);
  }

  @ResolveField('windowChecks')
  windowChecks(@Parent() round: RoundView, @CurrentActor() actor: Caller) {
    return this.rounds.windowChecks(actor, round);
  }

  @ResolveField('kindLabel')
  kindLabel(@Parent() round: RoundView) {
    return this.rounds.kindLabel(round);
  }

  @ResolveField('stateLabel')
  stateLabel(@Parent() round: RoundView) {
    return this.rounds.stateLabel(round);
  }

  @ResolveField('findingCount')
  findingCount(@Parent() round: RoundView) {
    return round.findings.length;
  }

  @ResolveField('findings')
  async findings(@Parent() round: RoundView, @CurrentActor() actor: Caller) {
    return this.rounds.findings(actor, round);
  }

  @ResolveField('allowedActions')
  async allowedActions(@Parent() round: RoundView, @CurrentActor() actor: Caller) {
    return this.rounds.allowedActions(actor, round);
  }

  @ResolveField('taskAssessments')
  taskAssessments(@Parent() round: RoundView) {
    return this.rounds.taskAssessments(round);
  }

  @ResolveField('coveredTasks')
  coveredTasks(@Parent() round: RoundView) {
    return this.rounds.coveredTasks(round);
  }

  @ResolveField('history')
  history(@Parent() round: RoundView) {
    return this.rounds.history(round);
  }
}
