// Keys through GraphQL, for an admin key (the access plugin checks the role before these run).
import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../common/context';
import { Role } from '../common/role';
import { ApiKey } from './api-key.entity';
import { createApiKey, listApiKeys, revokeApiKey } from './api-key.service';

@ObjectType({ description: 'A new key: its secret is shown here once and never again.' })
export class CreatedApiKey {
  @Field()
  key: string;

  @Field(() => ApiKey)
  apiKey: ApiKey;
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => [ApiKey], { description: 'Every key, revoked ones included (admin).' })
  apiKeys(@Ctx() ctx: Context): Promise<ApiKey[]> {
    return listApiKeys(ctx.db);
  }

  @Mutation(() => CreatedApiKey, { description: 'Makes a key (admin).' })
  async createApiKey(
    @Ctx() ctx: Context,
    @Arg('name') name: string,
    @Arg('role', () => Role) role: Role,
  ): Promise<CreatedApiKey> {
    const { key, record } = await createApiKey(ctx.db, name, role);
    return Object.assign(new CreatedApiKey(), { key, apiKey: record });
  }

  @Mutation(() => ApiKey, { description: 'Revokes a key by its id or the start of its prefix (admin).' })
  revokeApiKey(@Ctx() ctx: Context, @Arg('key') key: string): Promise<ApiKey> {
    return revokeApiKey(ctx.db, key);
  }
}
