// Webhooks: registerWebhook / deleteWebhook mutations and the webhooks / webhookDeliveries
// queries, all for callers holding an API key with the "write" scope. Webhook and
// WebhookDelivery are deliberately not Relay nodes: `node(id:)` answers anyone.
import { createGraphQLError } from 'graphql-yoga';
import { builder, type Context } from '../builder.js';
import { DeliveryStatus } from '../../generated/prisma/enums.js';
import { FetchFailedError, InvalidInputError } from '../../store/errors.js';
import { deleteWebhook, registerWebhook } from '../../store/webhooks.js';
import { ForbiddenError, RateLimitedError, requireScope, UnauthorizedError } from '../auth.js';
import type { Caller } from '../../store/api-keys.js';
import { ChangeKindEnum } from './change-kind.js';
import './errors.js';

const DeliveryStatusEnum = builder.enumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'PENDING: not yet delivered (attempts left); DELIVERED: a receiver answered 2xx; DEAD: every attempt failed.',
});

builder.prismaObject('Webhook', {
  description: 'A URL told about every change matching its filter, signed per the Standard Webhooks scheme.',
  fields: (t) => ({
    id: t.exposeID('id'),
    url: t.exposeString('url'),
    events: t.expose('events', { type: [ChangeKindEnum], description: 'The kinds delivered; empty: every kind.' }),
    controller: t.exposeString('controller', { nullable: true, description: 'Only changes of this controller (name or alias).' }),
    vendor: t.exposeString('vendor', { nullable: true, description: 'Only changes about this vendor (name, alias or brand).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('WebhookDelivery', {
  description: 'One change sent (or to be sent) to one webhook: the delivery log.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The webhook-id header of every attempt: the receiver’s idempotency key.' }),
    status: t.expose('status', { type: DeliveryStatusEnum }),
    attempts: t.exposeInt('attempts'),
    lastAttemptAt: t.expose('lastAttemptAt', { type: 'DateTime', nullable: true }),
    lastStatusCode: t.exposeInt('lastStatusCode', { nullable: true, description: 'The HTTP status of the last attempt; null when none was received.' }),
    lastError: t.exposeString('lastError', { nullable: true }),
    nextAttemptAt: t.field({ type: 'DateTime', nullable: true, description: 'When the next attempt is due; null once delivered or dead.', select: { nextAttemptAt: true, status: true }, resolve: (d) => (d.status === 'PENDING' ? d.nextAttemptAt : null) }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    payload: t.exposeString('payload', { description: 'The JSON body sent.' }),
    change: t.relation('change'),
    webhook: t.relation('webhook'),
  }),
});

/** For queries (no result union): the typed auth errors as GraphQL errors with a code, not masked. Reads consume no write quota. */
async function requireWriteKey(ctx: Context): Promise<Caller> {
  try {
    return await requireScope({ caller: ctx.caller }, 'write');
  } catch (e) {
    if (e instanceof UnauthorizedError) throw createGraphQLError(e.message, { extensions: { code: 'UNAUTHORIZED' } });
    if (e instanceof ForbiddenError) throw createGraphQLError(e.message, { extensions: { code: 'FORBIDDEN' } });
    throw e;
  }
}

const RegisterWebhookInput = builder.inputType('RegisterWebhookInput', {
  fields: (t) => ({
    url: t.string({ required: true, description: 'http(s) URL on a public host (loopback/private only with ALLOW_PRIVATE_URLS=1).' }),
    events: t.field({ type: [ChangeKindEnum], description: 'The kinds to deliver; absent or empty: every kind.' }),
    controller: t.string({ description: 'Only changes of this controller (name or alias).' }),
    vendor: t.string({ description: 'Only changes about this vendor (name, alias or brand).' }),
  }),
});

interface Registered {
  webhook: { id: string };
  secret: string;
}

const RegisterWebhookSuccess = builder.objectRef<Registered>('RegisterWebhookSuccess').implement({
  fields: (t) => ({
    webhook: t.prismaField({ type: 'Webhook', resolve: (query, r, _a, ctx) => ctx.prisma.webhook.findUniqueOrThrow({ ...query, where: { id: r.webhook.id } }) }),
    secret: t.exposeString('secret', { description: 'The signing secret ("whsec_…") for Standard Webhooks verification. Shown only here, once.' }),
  }),
});

const DeleteWebhookSuccess = builder.objectRef<{ id: string }>('DeleteWebhookSuccess').implement({
  fields: (t) => ({ deletedId: t.exposeID('id') }),
});

const AUTH_ERRORS = [UnauthorizedError, ForbiddenError, RateLimitedError];

builder.mutationFields((t) => ({
  registerWebhook: t.field({
    type: RegisterWebhookSuccess,
    description: 'Registers a URL to be sent every matching change. Needs an API key with the "write" scope.',
    errors: { types: [...AUTH_ERRORS, InvalidInputError, FetchFailedError], directResult: true, union: { name: 'RegisterWebhookResult' } },
    args: { input: t.arg({ type: RegisterWebhookInput, required: true }) },
    resolve: async (_p, { input }, ctx) => {
      const caller = await requireScope(ctx, 'write');
      const webhook = await registerWebhook(ctx.prisma, input, { allowPrivateNetwork: ctx.ingestOptions?.allowPrivateNetwork, createdBy: caller.keyId });
      return { webhook, secret: webhook.secret };
    },
  }),
  deleteWebhook: t.field({
    type: DeleteWebhookSuccess,
    description: 'Deletes a webhook, its pending deliveries and its log. Needs an API key with the "write" scope.',
    errors: { types: [...AUTH_ERRORS, InvalidInputError], directResult: true, union: { name: 'DeleteWebhookResult' } },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_p, { id }, ctx) => {
      await requireScope(ctx, 'write');
      if (!(await deleteWebhook(ctx.prisma, String(id)))) throw new InvalidInputError('BAD_REQUEST', `no webhook with id ${id}`);
      return { id: String(id) };
    },
  }),
}));

builder.queryFields((t) => ({
  webhooks: t.prismaField({
    type: ['Webhook'],
    description: 'The registered webhooks (secrets are never shown again). Needs an API key with the "write" scope.',
    resolve: async (query, _p, _a, ctx) => {
      await requireWriteKey(ctx);
      return ctx.prisma.webhook.findMany({ ...query, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    },
  }),
  webhookDeliveries: t.prismaConnection({
    type: 'WebhookDelivery',
    cursor: 'id',
    description: 'The delivery log of one webhook, newest first. Needs an API key with the "write" scope.',
    args: { webhook: t.arg.id({ required: true }), status: t.arg({ type: DeliveryStatusEnum }) },
    totalCount: async (_p, args, ctx) => {
      await requireWriteKey(ctx);
      return ctx.prisma.webhookDelivery.count({ where: { webhookId: String(args.webhook), ...(args.status ? { status: args.status } : {}) } });
    },
    resolve: async (query, _p, args, ctx) => {
      await requireWriteKey(ctx);
      return ctx.prisma.webhookDelivery.findMany({
        ...query,
        where: { webhookId: String(args.webhook), ...(args.status ? { status: args.status } : {}) },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      });
    },
  }),
}));
