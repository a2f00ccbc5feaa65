import { z } from 'zod';
import { IMPORT_TEXT_MAX, importPreviewSchema, importResultSchema } from '../instances/fleet-import';
import { instanceDetailSchema } from '../instances/instance-detail';
import { installOutcomeSchema } from '../instances/install-outcome';
import { installPreflightViewSchema } from '../instances/install-preflight-view';
import { instanceRowSchema } from '../instances/instance-row';
import {
  apiTokenProblem,
  caCertificateProblem,
  instanceAddressProblem,
  instanceNameProblem,
} from '../instances/validation';
import { verdictViewSchema } from '../license/verdict-view';
import { auditContract, auditEvents } from './audit-contract';
import type { ChannelName, EventName } from './channels';
import { portalContract, portalEvents } from './portal-contract';

const fingerprint = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'a key fingerprint is sha256: and 64 hex digits');
const installId = z.uuid({ error: "an Install ID is a UUID, like the one on authentik's Enterprise → Licenses page" });

/** A zod check reporting one of the shared instance rules (shared/instances/validation) in its own words. */
function rule(problem: (value: string) => string | null) {
  return (value: string, context: z.RefinementCtx<string>): void => {
    const message = problem(value);
    if (message !== null) context.addIssue({ code: 'custom', message });
  };
}

/** The fields of the add and edit dialogs. */
const instanceFields = {
  name: z.string().trim().superRefine(rule(instanceNameProblem)),
  url: z.string().trim().superRefine(rule(instanceAddressProblem)),
  customer: z.string().trim().max(100).nullable(),
  tags: z.array(z.string().trim().min(1).max(50)).max(20),
  /** Blank text is no CA, as main reads it. */
  caPem: z
    .string()
    .superRefine(rule((text) => (text.trim() === '' ? null : caCertificateProblem(text))))
    .nullable(),
  /** Send the token over plain http:// to another computer; main refuses such an address without it. */
  allowHttp: z.boolean().default(false),
};
/** An API token: goes to the token vault only; no channel ever returns it. */
const token = z.string().trim().superRefine(rule(apiTokenProblem));
/** The installed license a key renews (replaced with PATCH), or null to install it alongside. */
const replaces = z.uuid().nullable().default(null);

interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/** Every channel: one object in, one object out. Adding a channel name without schemas does not compile. */
export const contract = {
  'license:verify-key': {
    input: z.object({
      key: z.string().max(1024 * 1024, 'a license key is far shorter than 1 MiB'),
      installId: installId.nullable(),
    }),
    output: verdictViewSchema,
  },
  /** Copies a key main has verified, by fingerprint; the clipboard is cleared again after `clearsAt`. */
  'license:copy-key': {
    input: z.object({ fingerprint }),
    output: z.object({ clearsAt: z.iso.datetime() }),
  },
  'license:copy-fingerprint': {
    input: z.object({ fingerprint }),
    output: z.object({}),
  },
  /** Opens the customer portal's purchase page for an installation in the system browser. */
  'portal:open-purchase': {
    /** `authentikUrl` is the instance's address, sent as `authentik_url` like authentik's own button does. */
    input: z.object({
      installId,
      authentikUrl: z
        .url({ protocol: /^https?$/ })
        .nullable()
        .default(null),
    }),
    output: z.object({ url: z.url() }),
  },
  'instances:list': {
    input: z.object({}),
    /** `dataNotices`: what main repaired in the data folder this session (a damaged settings file set aside), in words. */
    output: z.object({ instances: z.array(instanceRowSchema), dataNotices: z.array(z.string()) }),
  },
  /** Tests the connection first; saves nothing (registry or token vault) when it fails. */
  'instances:add': {
    input: z.object({ ...instanceFields, token }),
    output: z.object({ instance: instanceRowSchema }),
  },
  /**
   * Saves the edit dialog: every field as shown; `token` null keeps the saved one. Re-tests the connection
   * when the address, token or CA change, and changes nothing (registry or token vault) when that fails.
   */
  'instances:update': {
    input: z.object({ id: z.uuid(), ...instanceFields, token: token.nullable() }),
    output: z.object({ instance: instanceRowSchema }),
  },
  /** The instance page: the row plus licenses, forecast, warnings; reads the instance first when `refresh` or not yet read. */
  'instances:detail': {
    input: z.object({ id: z.uuid(), refresh: z.boolean() }),
    output: instanceDetailSchema,
  },
  /** Deletes one installed license (one DELETE, after the page's confirmation naming it); the row is refreshed after. */
  /**
   * `allowOverCapacity`: the person consented to leaving users without a license; without it such a
   * delete is refused. `undoId` names the deleted key main keeps in memory for 10 seconds (never the key).
   */
  'instances:delete-license': {
    input: z.object({ id: z.uuid(), licenseUuid: z.uuid(), allowOverCapacity: z.boolean().default(false) }),
    output: z.object({ instance: instanceRowSchema, undoId: z.uuid() }),
  },
  /** Undo of a delete within 10 seconds: the same preflight as an install, then the deleted key installed again. */
  'instances:undo-delete-license': {
    input: z.object({ id: z.uuid(), undoId: z.uuid(), allowOverCapacity: z.boolean().default(false) }),
    output: installOutcomeSchema,
  },
  /** Copies the instance's Install ID (as last read) to the clipboard. */
  'instances:copy-install-id': {
    input: z.object({ id: z.uuid() }),
    output: z.object({}),
  },
  /** Tokens in the vault without a saved instance, and saved instances without a token. */
  'instances:audit': {
    input: z.object({}),
    output: z.object({
      orphanedAccounts: z.array(z.string()),
      missingTokens: z.array(z.object({ id: z.uuid(), name: z.string() })),
    }),
  },
  /** Deletes the tokens `instances:audit` reported as belonging to no saved instance. */
  'instances:delete-orphaned-tokens': {
    input: z.object({}),
    output: z.object({ deleted: z.number().int().min(0) }),
  },
  /** Removes the instance and its token. */
  'instances:remove': {
    input: z.object({ id: z.uuid() }),
    output: z.object({}),
  },
  /** Reads the instances (all when `ids` is null), a few at a time; progress arrives as events. */
  'instances:refresh': {
    input: z.object({ ids: z.array(z.uuid()).nullable() }),
    output: z.object({ instances: z.array(instanceRowSchema) }),
  },
  /** The dashboard as a file, without secrets: the instances `ids` names (in the dashboard's order), or all when null. */
  'instances:export': {
    input: z.object({ format: z.enum(['csv', 'json']), ids: z.array(z.uuid()).nullable().default(null) }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
  },
  /** Reads the instance now and says what installing the key would do; sends nothing. */
  /** With `replaces`, the renewal of that installed license (PATCH): its seats are not counted twice. */
  'instances:preflight-install': {
    input: z.object({ id: z.uuid(), key: z.string().max(1024 * 1024), replaces }),
    output: installPreflightViewSchema,
  },
  /** Runs the same preflight again, then installs with exactly one POST (one PATCH of `replaces`); the row is refreshed after. */
  'instances:install-key': {
    input: z.object({ id: z.uuid(), key: z.string().max(1024 * 1024), allowOverCapacity: z.boolean(), replaces }),
    output: installOutcomeSchema,
  },
  /** Reads and checks an import file (CSV or fleet file) as text; changes nothing. A file carrying tokens is refused. */
  'instances:import-preview': {
    input: z.object({ fileName: z.string().max(260), text: z.string().max(IMPORT_TEXT_MAX) }),
    output: importPreviewSchema,
  },
  /**
   * Checks the file again, then tests and adds the chosen rows as Add does, a few at a time (progress as
   * events). `tokens` are the ones the person typed, by row; they go to the token vault only.
   */
  'instances:import': {
    input: z.object({
      fileName: z.string().max(260),
      text: z.string().max(IMPORT_TEXT_MAX),
      rows: z.array(z.number().int().min(1)).max(1000),
      tokens: z.array(z.object({ row: z.number().int().min(1), token: z.string().max(4096) })).max(1000),
    }),
    output: z.object({ results: z.array(importResultSchema) }),
  },
  // The dashboard's bulk actions (issue 17).
  /** Adds or removes one tag on every instance named, all or nothing: a refused one changes none. */
  'instances:tag': {
    input: z.object({
      ids: z.array(z.uuid()).min(1),
      tag: z.string().trim().min(1, 'a tag cannot be blank').max(50),
      change: z.enum(['add', 'remove']),
    }),
    output: z.object({ instances: z.array(instanceRowSchema) }),
  },
  ...portalContract,
  ...auditContract,
} satisfies Record<ChannelName, ChannelSpec>;

/** Push events from main to the page. */
export const events = {
  /** `clearsAt` is the one the copy answered with, so each screen reacts only to the clearing of its own copy. */
  'clipboard:did-clear': z.object({ reason: z.enum(['timeout']), clearsAt: z.iso.datetime() }),
  'instances:did-change': z.object({}),
  'instances:refresh-progress': z.object({ done: z.number().int().min(0), total: z.number().int().min(0) }),
  'instances:import-progress': z.object({ done: z.number().int().min(0), total: z.number().int().min(0) }),
  ...portalEvents,
  ...auditEvents,
} satisfies Record<EventName, z.ZodType>;

export type ChannelInput<C extends ChannelName> = z.input<(typeof contract)[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<(typeof contract)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
