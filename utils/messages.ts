import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { Paper, PageKind } from '@/utils/paper';
import type {
  ImportDecision,
  ImportItem,
  ImportResult,
  Library,
  LibraryStats,
  ListQuery,
  ListResult,
  RemoveResult,
  SaveResult,
  UndoResult,
  UserDataPatch,
} from '@/utils/library/library';
import type { WorkLike } from '@/utils/library/identity';
import type { LibraryRecord } from '@/utils/library/schema';
import { LibraryError, type LibraryErrorCode } from '@/utils/library/errors';

/**
 * The one message protocol between the content scripts, the popup, the options page and the
 * background worker, which alone opens the library (IndexedDB opened from a content script would
 * belong to the web page's origin).
 *
 * A message is `{ verb, payload }`; the answer is `{ ok: true, data }` or `{ ok: false, error }`.
 * Everything is plain data that survives structured cloning. Every message is checked where it enters
 * the background (`createBackgroundHandler`): the sender must be this extension's own page or content
 * script, the payload must match its schema (bounded sizes: a hostile page must not be able to make
 * us store megabytes; http(s) URLs only), and anything else gets a clear error and changes nothing.
 */

// ---------------------------------------------------------------------------------------------------
// The protocol map

/** What a content script reports about its page, for the toolbar badge. */
export interface PageStatePayload {
  /** Ignored from content scripts: the sender's own URL is used. */
  url: string;
  kind: PageKind;
  title?: string;
  /** The page's paper, when `kind === 'paper'`: lets the background answer "saved?" and save it from the context menu. */
  paper?: Paper;
  /** How many works a listing shows. */
  works: number;
}

/** What the background learns from a `pageState` message, with the library's answer. */
export interface PageStateReport extends PageStatePayload {
  saved: boolean;
  savedId: string | null;
}

export interface Protocol {
  /** Saves (or merges) a paper. From a content script, the page URL is the sender's. */
  savePaper: { request: { paper: Paper; pageUrl?: string }; response: SaveResult };
  removePaper: { request: { id: string }; response: RemoveResult };
  undoRemove: { request: { token: string }; response: UndoResult };
  /** For each work, the id of its saved record or null, in order. */
  findSaved: { request: { works: WorkLike[] }; response: { ids: (string | null)[] } };
  getPaper: { request: { id: string }; response: { record: LibraryRecord | null } };
  listPapers: { request: ListQuery; response: ListResult };
  updatePaper: {
    request: { id: string; patch: UserDataPatch };
    response: { record: LibraryRecord };
  };
  /** At most 5,000 items per message: larger imports are sent in chunks. */
  importPapers: { request: { items: ImportItem[] }; response: ImportResult };
  /** What importPapers would do with these items, item by item; changes nothing. */
  previewImport: { request: { items: ImportItem[] }; response: { decisions: ImportDecision[] } };
  /** Saves the paper of every tab of the current window that shows one. */
  saveTabs: { request: Record<string, never>; response: SaveTabsResult };
  exportPapers: {
    request: Record<string, never>;
    response: { records: LibraryRecord[]; exportedAt: number; schemaVersion: number };
  };
  getStats: { request: Record<string, never>; response: LibraryStats };
  /** A content script tells the background what its page shows (badge, context menu). */
  pageState: { request: PageStatePayload; response: { savedId: string | null } };
  /** The detector asks for the full panel script in its tab. */
  injectPanel: { request: Record<string, never>; response: { injected: boolean } };
}

/** What "Save all paper tabs" did. */
export interface SaveTabsResult {
  saved: number;
  merged: number;
  /** Tabs that show no paper (or a listing). */
  notPapers: number;
  failed: number;
}

export type Verb = keyof Protocol;
export type RequestOf<V extends Verb> = Protocol[V]['request'];
export type ResponseOf<V extends Verb> = Protocol[V]['response'];

export interface Message<V extends Verb = Verb> {
  verb: V;
  payload: RequestOf<V>;
}

export type ErrorCode =
  | LibraryErrorCode
  | 'forbidden' // not this extension, or a verb this sender may not use
  | 'bad-message' // not a { verb, payload } message, or an unknown verb
  | 'too-large'
  | 'unavailable' // the background cannot do this here (e.g. no tab)
  | 'internal';

export type Response<T = unknown> =
  { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** Verbs a content script may send. The whole-library verbs (list, export, import) are for extension pages only. */
export const CONTENT_SCRIPT_VERBS: ReadonlySet<Verb> = new Set<Verb>([
  'savePaper',
  'removePaper',
  'undoRemove',
  'findSaved',
  'getPaper',
  'updatePaper',
  'getStats',
  'pageState',
  'injectPanel',
]);

// ---------------------------------------------------------------------------------------------------
// Schemas: bounds on every string and list

export const LIMITS = {
  url: 2048,
  /** A whole paper, serialised: references included. */
  paperChars: 1_000_000,
  authors: 5000,
  works: 5000,
  findSaved: 5000,
  importItems: 5000,
} as const;

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

const str = (max: number) =>
  v.pipe(v.string(), v.maxLength(max, `is longer than ${max} characters`));
const opt = <T extends v.GenericSchema>(schema: T) => v.optional(schema);
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item), v.maxLength(max, `has more than ${max} entries`));

const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url, `is longer than ${LIMITS.url} characters`),
  v.check(isHttpUrl, 'must be an http(s) URL'),
);
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Year = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9999));
const Timestamp = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));

const AuthorSchema = v.object({
  given: opt(str(300)),
  family: opt(str(300)),
  literal: opt(str(500)),
});

const IssuedSchema = v.object({
  date: v.pipe(
    v.string(),
    v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  ),
  precision: v.picklist(['year', 'month', 'day']),
});

const WorkRefSchema = v.object({
  title: opt(str(2000)),
  authors: list(AuthorSchema, 500),
  year: opt(Year),
  venue: opt(str(1000)),
  doi: opt(str(500)),
  arxivId: opt(str(100)),
  pmid: opt(str(40)),
  url: opt(HttpUrl),
  raw: opt(str(4000)),
});

const PAPER_TYPES = [
  'article-journal',
  'article',
  'paper-conference',
  'thesis',
  'report',
  'chapter',
  'book',
  'dataset',
] as const;

export const PaperSchema = v.pipe(
  v.object({
    type: opt(v.picklist(PAPER_TYPES)),
    title: str(2000),
    authors: list(AuthorSchema, LIMITS.authors),
    issued: opt(IssuedSchema),
    year: opt(Year),
    venue: opt(str(1000)),
    volume: opt(str(100)),
    issue: opt(str(100)),
    pages: opt(str(100)),
    publisher: opt(str(500)),
    doi: opt(str(500)),
    publishedDoi: opt(str(500)),
    arxivId: opt(str(100)),
    arxivVersion: opt(str(10)),
    pmid: opt(str(40)),
    pmcid: opt(str(40)),
    isbn: opt(list(str(40), 50)),
    issn: opt(list(str(40), 50)),
    abstract: opt(str(50_000)),
    keywords: list(str(300), 500),
    keyTerms: list(
      v.object({ term: str(300), weight: v.pipe(v.number(), v.minValue(0), v.maxValue(1)) }),
      500,
    ),
    keyTermsComputed: opt(v.boolean()),
    pdfUrl: opt(HttpUrl),
    url: opt(HttpUrl),
    references: list(WorkRefSchema, LIMITS.works),
    citations: list(WorkRefSchema, LIMITS.works),
    sources: v.pipe(
      v.record(str(40), str(100)),
      v.check((s) => Object.keys(s).length <= 60, 'has too many entries'),
    ),
  }),
  v.check(
    (p) => JSON.stringify(p).length <= LIMITS.paperChars,
    `is larger than ${LIMITS.paperChars / 1_000_000} MB`,
  ),
  v.transform((p) => p as Paper),
);

const VersionSchema = v.object({
  kind: v.picklist(['preprint', 'published']),
  doi: opt(str(500)),
  arxivId: opt(str(100)),
  arxivVersion: opt(str(10)),
  pmid: opt(str(40)),
  pmcid: opt(str(40)),
  title: opt(str(2000)),
  venue: opt(str(1000)),
  year: opt(Year),
  url: opt(HttpUrl),
  seenAt: Timestamp,
});

const StatusSchema = v.picklist(['to-read', 'reading', 'read']);

const UserPatchSchema = v.object({
  status: opt(StatusSchema),
  tags: opt(list(str(100), 100)),
  notes: opt(str(100_000)),
  starred: opt(v.boolean()),
});

/** A work to look up: a `Paper`, a `WorkRef` or just some identifiers. Only the first author matters. */
const WorkQuerySchema = v.object({
  doi: opt(str(500)),
  publishedDoi: opt(str(500)),
  arxivId: opt(str(100)),
  pmid: opt(str(40)),
  pmcid: opt(str(40)),
  // Only used to look up: a non-http URL simply matches nothing.
  url: opt(str(LIMITS.url)),
  title: opt(str(2000)),
  authors: opt(
    v.pipe(
      list(v.unknown(), LIMITS.authors),
      v.transform((a) => a.slice(0, 1)),
      v.array(AuthorSchema),
    ),
  ),
  firstAuthorFamily: opt(str(300)),
  year: opt(Year),
  issued: opt(IssuedSchema),
});

const Empty = v.object({});

const ImportPayload = v.object({
  items: list(
    v.object({
      paper: PaperSchema,
      pageUrls: opt(list(HttpUrl, 50)),
      versions: opt(list(VersionSchema, 20)),
      savedAt: opt(Timestamp),
      updatedAt: opt(Timestamp),
      user: opt(UserPatchSchema),
    }),
    LIMITS.importItems,
  ),
});

export const PAYLOAD_SCHEMAS = {
  savePaper: v.object({ paper: PaperSchema, pageUrl: opt(HttpUrl) }),
  removePaper: v.object({ id: Id }),
  undoRemove: v.object({ token: Id }),
  findSaved: v.object({ works: list(WorkQuerySchema, LIMITS.findSaved) }),
  getPaper: v.object({ id: Id }),
  listPapers: v.object({
    sort: opt(v.picklist(['savedAt', 'updatedAt', 'title', 'year'])),
    order: opt(v.picklist(['asc', 'desc'])),
    status: opt(StatusSchema),
    tag: opt(str(100)),
    starred: opt(v.boolean()),
    search: opt(str(500)),
    limit: opt(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
    cursor: opt(str(40)),
  }),
  updatePaper: v.object({ id: Id, patch: UserPatchSchema }),
  importPapers: ImportPayload,
  previewImport: ImportPayload,
  saveTabs: Empty,
  exportPapers: Empty,
  getStats: Empty,
  pageState: v.object({
    url: str(LIMITS.url),
    kind: v.picklist(['paper', 'listing', 'none']),
    title: opt(str(2000)),
    paper: opt(PaperSchema),
    works: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)),
  }),
  injectPanel: Empty,
} satisfies Record<Verb, v.GenericSchema>;

const MessageSchema = v.object({
  verb: v.picklist(Object.keys(PAYLOAD_SCHEMAS) as Verb[], 'is not a known verb'),
  payload: v.unknown(),
});

// ---------------------------------------------------------------------------------------------------
// The background side

/** What the browser says about a message's sender (`runtime.MessageSender`, the parts used here). */
export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** A library change, so that the background can refresh badges. */
export interface LibraryChange {
  verb: 'savePaper' | 'removePaper' | 'undoRemove' | 'updatePaper' | 'importPapers';
  /** Records created, changed or removed. */
  ids: string[];
  tabId?: number;
}

export interface BackgroundDeps {
  library: Library;
  /** `browser.runtime.id`. */
  extensionId: string;
  /** `browser.runtime.getURL('/')`: the origin of the extension's own pages. */
  extensionOrigin: string;
  onPageState?: (tabId: number, state: PageStateReport) => void;
  /** Injects the panel script in a tab (frame 0 unless given). Without it, `injectPanel` fails. */
  onInjectPanel?: (tabId: number, frameId?: number) => Promise<void>;
  onLibraryChange?: (change: LibraryChange) => void;
  /** Saves every paper tab of the sender's window (the background knows what each tab shows). */
  onSaveTabs?: () => Promise<SaveTabsResult>;
}

export class MessageError extends Error {
  override readonly name = 'MessageError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    // Extension origins (chrome-extension://id, moz-extension://uuid) have an opaque `origin`.
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}

type SenderKind = 'extension-page' | 'content-script';

function senderKind(sender: Sender, deps: BackgroundDeps): SenderKind | undefined {
  if (!sender || sender.id !== deps.extensionId) return undefined;
  const own = originOf(deps.extensionOrigin);
  if (sender.url && own && originOf(sender.url) === own) return 'extension-page';
  if (sender.tab && typeof sender.tab.id === 'number') return 'content-script';
  return undefined;
}

function fail(code: ErrorCode, message: string): Response<never> {
  return { ok: false, error: { code, message } };
}

/**
 * The background's message handler: checks the sender and the payload, runs the verb on the library,
 * and answers. Never throws: every failure becomes `{ ok: false, error }`.
 */
export function createBackgroundHandler(
  deps: BackgroundDeps,
): (message: unknown, sender: Sender) => Promise<Response> {
  return async (message, sender) => {
    try {
      const kind = senderKind(sender, deps);
      if (!kind) return fail('forbidden', 'Messages are accepted from Papershelf itself only.');
      const envelope = v.safeParse(MessageSchema, message);
      if (!envelope.success) {
        return fail('bad-message', `Not a Papershelf message: ${v.summarize(envelope.issues)}`);
      }
      const verb = envelope.output.verb;
      if (kind === 'content-script' && !CONTENT_SCRIPT_VERBS.has(verb)) {
        return fail('forbidden', `"${verb}" is available to Papershelf's own pages only.`);
      }
      const parsed = v.safeParse(PAYLOAD_SCHEMAS[verb], envelope.output.payload);
      if (!parsed.success) {
        const tooLarge = parsed.issues.some((i) =>
          /longer than|more than|larger than/.test(i.message),
        );
        return fail(
          tooLarge ? 'too-large' : 'invalid',
          `Invalid ${verb} message: ${v.summarize(parsed.issues)}`,
        );
      }
      const data = await dispatch(
        verb,
        parsed.output as RequestOf<typeof verb>,
        kind,
        sender,
        deps,
      );
      return { ok: true, data };
    } catch (e) {
      if (e instanceof LibraryError || e instanceof MessageError) return fail(e.code, e.message);
      return fail('internal', `Papershelf failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

/** The URL a content script's message comes from, when it is an http(s) page. */
function senderPage(sender: Sender): string | undefined {
  const url = sender.url ?? sender.tab?.url;
  return url && isHttpUrl(url) ? url : undefined;
}

async function dispatch<V extends Verb>(
  verb: V,
  payload: RequestOf<V>,
  kind: SenderKind,
  sender: Sender,
  deps: BackgroundDeps,
): Promise<ResponseOf<Verb>> {
  const { library } = deps;
  const tabId = sender.tab?.id;
  const changed = (v: LibraryChange['verb'], ids: string[]) =>
    deps.onLibraryChange?.({ verb: v, ids, ...(tabId !== undefined ? { tabId } : {}) });
  const p = payload as RequestOf<Verb> & Record<string, unknown>;
  switch (verb) {
    case 'savePaper': {
      const { paper, pageUrl } = p as RequestOf<'savePaper'>;
      // A `pageUrl` says "this page's paper": from a content script, the page is the one it runs
      // in, whatever it claims. Without one (a work listed on the page), no page URL is recorded,
      // so that a listing's URL never becomes the identity of the works it lists.
      const page =
        kind === 'content-script' && pageUrl !== undefined
          ? (senderPage(sender) ?? pageUrl)
          : pageUrl;
      const result = await library.savePaper(paper, page);
      if (result.outcome !== 'unchanged')
        changed('savePaper', [result.record.id, ...result.absorbed]);
      return result;
    }
    case 'removePaper': {
      const { id } = p as RequestOf<'removePaper'>;
      const result = await library.removePaper(id);
      changed('removePaper', [id]);
      return result;
    }
    case 'undoRemove': {
      const result = await library.undoRemove((p as RequestOf<'undoRemove'>).token);
      changed('undoRemove', [result.record.id]);
      return result;
    }
    case 'findSaved':
      return { ids: await library.findSaved((p as RequestOf<'findSaved'>).works) };
    case 'getPaper':
      return { record: (await library.getPaper((p as RequestOf<'getPaper'>).id)) ?? null };
    case 'listPapers':
      return library.listPapers(p as RequestOf<'listPapers'>);
    case 'updatePaper': {
      const { id, patch } = p as RequestOf<'updatePaper'>;
      const record = await library.updatePaper(id, patch);
      changed('updatePaper', [id]);
      return { record };
    }
    case 'importPapers': {
      const result = await library.importPapers((p as RequestOf<'importPapers'>).items);
      if (result.created || result.merged) changed('importPapers', [...new Set(result.ids)]);
      return result;
    }
    case 'previewImport':
      return {
        decisions: await library.previewImport((p as RequestOf<'previewImport'>).items),
      };
    case 'saveTabs': {
      if (!deps.onSaveTabs)
        throw new MessageError('unavailable', 'Tabs cannot be saved from here.');
      return deps.onSaveTabs();
    }
    case 'exportPapers':
      return {
        records: await library.exportPapers(),
        exportedAt: Date.now(),
        schemaVersion: library.db.version,
      };
    case 'getStats':
      return library.getStats();
    case 'pageState': {
      if (tabId === undefined) throw new MessageError('unavailable', 'pageState comes from a tab.');
      const state = p as RequestOf<'pageState'>;
      const url = senderPage(sender) ?? state.url;
      const [savedId = null] =
        state.kind === 'paper' ? await library.findSaved([state.paper ?? { url }]) : [null];
      deps.onPageState?.(tabId, { ...state, url, saved: savedId !== null, savedId });
      return { savedId };
    }
    case 'injectPanel': {
      if (tabId === undefined)
        throw new MessageError('unavailable', 'The panel is injected into a tab.');
      if (!deps.onInjectPanel)
        throw new MessageError('unavailable', 'The panel cannot be injected here.');
      await deps.onInjectPanel(tabId, sender.frameId);
      return { injected: true };
    }
    default:
      throw new MessageError('bad-message', `Unknown verb: ${String(verb)}`);
  }
}

/**
 * Adapts a handler to `runtime.onMessage` in every browser and in WXT's fake browser: answers through
 * `sendResponse` and returns `true` to keep the channel open. Messages that are not `{ verb, … }` are
 * left to other listeners.
 */
export function toRuntimeListener(
  handler: (message: unknown, sender: Sender) => Promise<Response>,
): (
  message: unknown,
  sender: Sender,
  sendResponse: (response: Response) => void,
) => true | undefined {
  return (message, sender, sendResponse) => {
    if (typeof message !== 'object' || message === null || !('verb' in message)) return undefined;
    void handler(message, sender).then(sendResponse);
    return true;
  };
}

// ---------------------------------------------------------------------------------------------------
// The client side (content scripts, popup, options)

export type Send = (message: Message) => Promise<unknown>;

/** A typed client over any transport (tests pass the handler directly). */
export function createClient(send: Send) {
  return async function sendMessage<V extends Verb>(
    verb: V,
    payload: RequestOf<V>,
  ): Promise<ResponseOf<V>> {
    const response = (await send({ verb, payload } as Message)) as
      Response<ResponseOf<V>> | undefined;
    if (!response || typeof response !== 'object' || typeof response.ok !== 'boolean') {
      throw new MessageError(
        'unavailable',
        'Papershelf did not answer; reload the page and try again.',
      );
    }
    if (!response.ok) throw new MessageError(response.error.code, response.error.message);
    return response.data;
  };
}

/**
 * Sends one message to the background and returns its data; throws a `MessageError` (with the
 * background's code and message) when the answer is an error.
 */
export const sendMessage = createClient((message) => browser.runtime.sendMessage(message));
