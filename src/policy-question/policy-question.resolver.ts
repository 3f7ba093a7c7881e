import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { findByIdOrKey } from '../common/by-id-or-key';
import type { Connection } from '../common/connection';
import { pageRequest } from '../common/page-request';
import type { Context } from '../common/context';
import { inTransaction } from '../database/transaction';
import type { Stance } from '../stance/stance.entity';
import { StanceFilter } from '../stance/stance.filter';
import { listStancesOfQuestion, positionCountsByQuestionId } from '../stance/stance.service';
import { PositionCount, StanceConnection } from '../stance/stance.types';
import { PolicyQuestion } from './policy-question.entity';
import { policyQuestionsById } from './policy-question.loaders';
import { findPolicyQuestionBySlug, listPolicyQuestions } from './policy-question.service';
import { PolicyQuestionConnection } from './policy-question.types';
import { createPolicyQuestion, updatePolicyQuestion } from './policy-question-curation.service';
import { CreatePolicyQuestionInput, UpdatePolicyQuestionInput } from './policy-question.inputs';

@Resolver(() => PolicyQuestion)
export class PolicyQuestionResolver {
  @Query(() => PolicyQuestion, { nullable: true, description: 'Exactly one of id or slug.' })
  policyQuestion(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('slug', () => String, { nullable: true }) slug?: string | null,
  ): Promise<PolicyQuestion | null> {
    return findByIdOrKey('PolicyQuestion', id, policyQuestionsById(ctx), {
      name: 'slug',
      value: slug,
      find: (value) => findPolicyQuestionBySlug(ctx.db, value),
    });
  }

  @Query(() => PolicyQuestionConnection, { description: 'By slug.' })
  policyQuestions(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<PolicyQuestion>> {
    return listPolicyQuestions(ctx, pageRequest(ctx, first, after, 50));
  }

  @FieldResolver(() => StanceConnection, { description: 'Newest article first.' })
  stances(
    @Root() question: PolicyQuestion,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => StanceFilter, { nullable: true }) filter: StanceFilter | null,
  ): Promise<Connection<Stance>> {
    return listStancesOfQuestion(ctx, question.id, pageRequest(ctx, first, after, 50), filter);
  }

  @FieldResolver(() => [PositionCount], {
    description: 'Every position with how many stances take it (zeros included).',
  })
  positionCounts(
    @Root() question: PolicyQuestion,
    @Ctx() ctx: Context,
    @Arg('filter', () => StanceFilter, { nullable: true }) filter: StanceFilter | null,
  ): Promise<PositionCount[]> {
    return positionCountsByQuestionId(ctx, filter).load(question.id);
  }

  @Mutation(() => PolicyQuestion)
  createPolicyQuestion(
    @Ctx() ctx: Context,
    @Arg('input', () => CreatePolicyQuestionInput) input: CreatePolicyQuestionInput,
  ): Promise<PolicyQuestion> {
    return inTransaction(ctx.db, (tx) => createPolicyQuestion(tx, input));
  }

  @Mutation(() => PolicyQuestion)
  updatePolicyQuestion(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdatePolicyQuestionInput) input: UpdatePolicyQuestionInput,
  ): Promise<PolicyQuestion> {
    return inTransaction(ctx.db, (tx) => updatePolicyQuestion(tx, input));
  }
}
