// Thin: who is calling, what they asked, delegated to the service.
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type GraphQLContext } from '../auth/auth.service';
import type {
  AcceptArchiveMaterialInput,
  ReassignTaskInput,
  AssignTaskResponsiblePersonInput,
  ClearTaskKeyFlagInput,
  SetTaskKeyFlagInput,
  ProposeAccountabilityDecisionInput,
  ReturnArchiveMaterialInput,
  SubmitArchiveMaterialInput,
  AddCommentInput,
  UploadEvidenceInput,
  ApproveInput,
  NoteInput,
  RecordMockAssessmentInput,
  RecordRecheckInput,
  RectificationPlanInput,
  RequestExtensionInput,
  ReturnInput,
  SubmitSelfCheckInput,
  TaskFilter,
} from '../platform/graphql/graphql.generated';
import { UploadService } from '../platform/files/upload.service';
import { STAGE_LABELS } from '../../workflows/indicator-task/indicator-task.labels';
import type { IndicatorTaskCommand, Stage } from '../../workflows/indicator-task/indicator-task.types';
import type { TaskView } from './indicator-task.repository';
import { IndicatorTaskService } from './indicator-task.service';
import { proposedStage, taskMoves } from './indicator-task.board-moves';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Caller } from '../auth/access-policy';

@Resolver('IndicatorTask')
export class IndicatorTaskResolver {
  constructor(
    private readonly tasks: IndicatorTaskService,
    private readonly uploads: UploadService,
  ) {}

  @Query('indicatorTask')
  async indicatorTask(@Args('id') id: string, @CurrentActor() actor: Caller) {
    return this.tasks.get(actor, id);
  }

  @Query('board')
  async board(
    @Args('campaignId') campaignId: string | null,
    @Args('unitCode') unitCode: string | null,
    @Args('first') first: number | null,
    @Args('filter') filter: TaskFilter | null,
    @CurrentActor() actor: Caller,
  ) {
    return this.tasks.board(actor, campaignId, unitCode, first, filter);
  }

  @Query('boardColumn')
  async boardColumn(
    @Args('campaignId') campaignId: string | null,
    @Args('stage') stage: Stage,
    @Args('unitCode') unitCode: string | null,
    @Args('first') first: number | null,
    @Args('after') after: string | null,
    @Args('filter') filter: TaskFilter | null,
    @CurrentActor() actor: Caller,
  ) {
    return this.tasks.boardColumn(actor, { campaignId, stage, unitCode, first, after, filter });
  }

  @ResolveField('stageLabel')
  stageLabel(@Parent() task: TaskView) {
    return STAGE_LABELS[task.stage];
  }

  @ResolveField('allowedActions')
  async allowedActions(@Parent() task: TaskView, @CurrentActor() actor: Caller) {
    return this.tasks.allowedActions(actor, task);
  }

  @ResolveField('allowedMoves')
  allowedMoves(@Parent() task: TaskView, @CurrentActor() actor: Caller) {
    return taskMoves(task, this.tasks.allowedActions(actor, task));
  }

  @ResolveField('proposedStage')
  proposedStage(@Parent() task: TaskView) {
    return proposedStage(task);
  }

  @ResolveField('accountabilityActions')
  accountabilityActions(@Parent() task: TaskView, @CurrentActor() actor: Caller) {
    return this.tasks.accountabilityActions(actor, task);
  }

  @ResolveField('accountabilityDecisions')
  async accountabilityDecisions(@Parent() task: TaskView, @CurrentActor() actor: Caller, @Context() ctx: GraphQLContext) {
    return this.tasks.accountabilityDecisions(actor, task, ctx);
  }

  @Mutation('proposeAccountabilityDecision')
  async proposeAccountabilityDecision(@Args('input') i: ProposeAccountabilityDecisionInput, @CurrentActor() actor: Caller) {
    return this.tasks.proposeAccountability(actor, i.taskId, i, i.expectedVersion);
  }

  @Mutation('approveAccountabilityDecision')
  async approveAccountabilityDecision(@Args('input') i: ApproveInput, @CurrentActor() actor: Caller) {
    return this.tasks.perform(actor, i.taskId, { action: 'APPROVE_ACCOUNTABILITY', note: i.note ?? undefined }, i.expectedVersion);
  }

  @Mutation('returnAccountabilityDecision')
  async returnAccountabilityDecision(@Args('input') i: ReturnInput, @CurrentActor() actor: Caller) {
    return this.tasks.perform(actor, i.taskId, { action: 'RETURN_ACCOUNTABILITY', reason: i.reason }, i.expectedVersion);
  }

  @ResolveField('sideActions')
  async sideActions(@Parent() task: TaskView, @CurrentActor() actor: Caller) {
    return this.tasks.sideActions(actor, task);
  }

  @ResolveField('comments')
  async comments(@Parent() task: TaskView, @CurrentActor() actor: Caller, @Context() ctx: GraphQLContext) {
    return this.tasks.comments(actor, task, ctx);
  }

  @ResolveField('evidence')
  async evidence(@Parent() task: TaskView, @CurrentActor() actor: Caller, @Context() ctx: GraphQLContext) {
    return this.tasks.evidence(actor, task, ctx);
  }

  @Mutation('addComment')
  addComment(@Args('input') i: AddCommentInput, @CurrentActor() actor: Caller) {
    return this.act(actor, i.taskId, { action: 'ADD_COMMENT', text: i.text }, i.expectedVersion);
  }

  @Mutation('uploadEvidence')
  async uploadEvidence(@Args('input') i: UploadEvidenceInput, @CurrentActor() actor: Caller) {
    const file = await this.uploads.contentOf(actor, i, i.fileId ? 'fileId' : 'contentBase64');
    return this.tasks.uploadEvidence(actor, i.taskId, { name: file.name, content: file.content }, i.note ?? undefined, i.expectedVersion);
  }

  @ResolveField('history')
  async history(@Parent() task: TaskView, @CurrentActor() actor: Caller, @Context() ctx: GraphQLContext) {
    return this.tasks.history(actor, task, ctx);
  }

  @ResolveField('temporalUiUrl')
  temporalUiUrl(@Parent() task: TaskView) {
    return this.tasks.temporalUiUrl(task);
  }

  private act(actor: Caller, taskId: string, command: IndicatorTaskCommand, expectedVersion?: number | null) {
    return this.tasks.perform(actor, taskId, command, expectedVersion);
  }

  @Mutation('submitSelfCheck')
  submitSelfCheck(@Args('input') i: SubmitSelfCheckInput, @CurrentActor() actor: Caller) {
    return this.act(actor, i.taskId, { action: 'SUBMIT_SELF_CHECK', classification: i.classification, note: i.note }, i.expectedVersion);
  }

  @Mutation('confirmSelfCheck')
  confirmSelfCheck(@Args('input') i: ApproveInput, @CurrentActor() actor: Caller) {
    return this.act(actor, i.taskId, { action: 'CONFIRM_SELF_CHECK', note: i.note ?? undefined }, i.expectedVersion);
  }

  @Mutation('returnSelfCheck')
  returnSelfCheck(@Args('input') i: ReturnInput, @CurrentActor() actor: Caller) {
    return this.act(actor, i.taskId, { action: 'RETURN_SELF_CHECK', reason: i.reason }, i.expectedVersion);
  }

  @Mutation('submitRectificationPlan')
  submitRectificationPlan(@Args('input') i: RectificationPlanInput, @CurrentActor() actor: Caller) {
    return this.act(actor, i.taskId, { action: 'SUBMIT_RECTIFICATION_PLAN', plan: i.plan, deadline: i.deadline }, i.expectedVersion);
  }

  @Mutation('recordRecheck')
  recordRecheck(@Args('input') i: RecordRecheckInput, @CurrentActor() actor: Caller) {
    return this.act(actor, i.taskId, { action: 'RECORD_RECHECK', passed: i.passed, note: i.note ?? undefined }, i.expectedVersion);
  }

  @Mutation('requestExtension')
  requestExtension(@Args('input') i: RequestExtensionInput, @CurrentActor() actor: Caller) {
    return this.act(actor, i.taskId, { action: 'REQUEST_EXTENSION', requestedDueAt: i.requestedDueAt, reason: i.reason }, i.expectedVersion);
  }

  @Mutation('approveExtension')
  approveExtension(@Args('input') i: ApproveInput, @CurrentActor() actor: Caller) {
    return this.act(actor, i.taskId, { action: 'APPROVE_EXTENSION', note: i.note ?? undefined }, i.expectedVersion);
  }

  @Mutation('refuseExtension')
  refuseExtension(@Args('input') i: ReturnInput, @CurrentActor() actor: Caller) {
    return this.act(actor, i.taskId, { action: 'REFUSE_EXTENSION', reason: i.reason }, i.expectedVersion);
  }

  @Mutation('reportRectificationProgress')
  reportRectificationProgress(@Args('input') i: NoteInput, @CurrentActor() actor: Caller) {
    return this.act(actor, i.taskId, { action: 'REPORT_RECTIFICATION_PROGRESS', note: i.note }, i.expectedVersion);
  }

  @Mutation('submitRectification')
  submitRectification(@Args('input') i: NoteInput, @CurrentActor() actor: Caller) {
    return this.act(actor, i.taskId, { action: 'SUBMIT_RECTIFICATION', note: i.note }, i.expectedVersion);
  }

  @Mutation('approveRectification')
  approveRectification(@Args('input') i: ApproveInput, @CurrentActor() actor: Caller) {
    return this.act(actor, i.taskId, { action: 'APPROVE_RECTIFICATION', note: i.note ?? undefined }, i.expectedVersion);
  }

  @Mutation('returnRectification')
  returnRectification(@Args('input') i: ReturnInput, @CurrentActor() actor: Caller) {
    return this.act(actor, i.taskId, { action: 'RETURN_RECTIFICATION', reason: i.reason }, i.expectedVersion);
  }

  @Mutation('recordMockAssessment')
  async recordMockAssessment(@Args('input') i: RecordMockAssessmentInput, @CurrentActor() actor: Caller) {
    return this.tasks.recordMockAssessment(actor, i.taskId, i.scores, i.note ?? undefined, i.expectedVersion);
  }

  @Mutation('startArchiving')
  async startArchiving(@Args('input') i: ApproveInput, @CurrentActor() actor: Caller) {
    return this.tasks.startArchiving(actor, i.taskId, i.note ?? undefined, i.expectedVersion);
  }

  @Mutation('submitArchiveMaterial')
  async submitArchiveMaterial(@Args('input') i: SubmitArchiveMaterialInput, @CurrentActor() actor: Caller) {
    let file: { name: string; content: Buffer } | null = null;
    if (i.fileId || (i.contentBase64 !== null && i.contentBase64 !== undefined)) {
      file = await this.uploads.contentOf(actor, i, i.fileId ? 'fileId' : 'contentBase64');
    }
    const input = { materialCode: i.materialCode, file, evidenceSha256: i.evidenceSha256 ?? null, note: i.note ?? undefined };
    return this.tasks.submitArchiveMaterial(actor, i.taskId, input, i.expectedVersion);
  }

  @Mutation('acceptArchiveMaterial')
  acceptArchiveMaterial(@Args('input') i: AcceptArchiveMaterialInput, @CurrentActor() actor: Caller) {
    return this.act(actor, i.taskId, { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: i.materialCode, note: i.note ?? undefined }, i.expectedVersion);
  }

  @Mutation('returnArchiveMaterial')
  returnArchiveMaterial(@Args('input') i: ReturnArchiveMaterialInput, @CurrentActor() actor: Caller) {
    return this.act(actor, i.taskId, { action: 'RETURN_ARCHIVE_MATERIAL', materialCode: i.materialCode, reason: i.reason }, i.expectedVersion);
  }

  @Mutation('reassignTask')
  async reassignTask(@Args('input') i: ReassignTaskInput, @CurrentActor() actor: Caller) {
    return this.tasks.reassign(actor, i.taskId, i.unitCode, i.reason, i.expectedVersion);
  }

  @Mutation('assignTaskResponsiblePerson')
  async assignTaskResponsiblePerson(@Args('input') i: AssignTaskResponsiblePersonInput, @CurrentActor() actor: Caller) {
    return this.tasks.assignResponsiblePerson(actor, i.taskId, i.login, i.expectedVersion);
  }

  @Mutation('setTaskKeyFlag')
  async setTaskKeyFlag(@Args('input') i: SetTaskKeyFlagInput, @CurrentActor() actor: Caller) {
    return this.tasks.setKeyFlag(actor, i.taskId, { action: 'SET_KEY_FLAG', kind: i.kind, reason: i.reason }, i.expectedVersion);
  }

  @Mutation('clearTaskKeyFlag')
  async clearTaskKeyFlag(@Args('input') i: ClearTaskKeyFlagInput, @CurrentActor() actor: Caller) {
    return this.tasks.setKeyFlag(actor, i.taskId, { action: 'CLEAR_KEY_FLAG', reason: i.reason ?? undefined }, i.expectedVersion);
  }

  @ResolveField('keyFlag')
  keyFlag(@Parent() task: TaskView, @Context() ctx: GraphQLContext) {
    return this.tasks.keyFlag(task, ctx);
  }

  @ResolveField('keyFlagActions')
  keyFlagActions(@Parent() task: TaskView, @CurrentActor() actor: Caller) {
    return this.tasks.keyFlagActions(actor, task);
  }

  @ResolveField('responsiblePerson')
  responsiblePerson(@Parent() task: TaskView) {
    return this.tasks.responsiblePerson(task);
  }

  @ResolveField('responsiblePersonCandidates')
  responsiblePersonCandidates(@Parent() task: TaskView, @CurrentActor() actor: Caller, @Context() ctx: GraphQLContext) {
    return this.tasks.responsiblePersonCandidates(actor, task, ctx);
  }

  @ResolveField('archiveMaterials')
  async archiveMaterials(@Parent() task: TaskView, @CurrentActor() actor: Caller, @Context() ctx: GraphQLContext) {
    return this.tasks.archiveMaterials(actor, task, ctx);
  }
}
