'use client';
/**
 * The article editor: Markdown with a toolbar and a server-rendered preview, autosave every few seconds and when
 * the page is left, a local copy that survives a failed save or a reload, presence of other editors, and a
 * compare view when the server holds a newer version (never a silent overwrite). Workflow buttons save first,
 * then ask the server, which checks the role again.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import {
  heartbeatAction,
  leaveAction,
  previewAction,
  saveArticleAction,
  workflowAction,
  type WorkflowOp,
} from '@/app/newsroom/actions/articles';
import {
  fieldsFromServer,
  inputFromFields,
  localCopyKey,
  parseLocalCopy,
  sameFields,
  type EditorFields,
  type ServerArticleFields,
} from './editor-fields';
import { MarkdownToolbar } from './MarkdownToolbar.client';
import { ConflictView } from './ConflictView.client';

export interface EditorArticle {
  id: number;
  locale: 'fr' | 'en';
  status: string;
  version: number;
  readerPath: string | null;
  sourceUpdated: boolean;
  scheduledFor: number | null;
  missingLocales: ('fr' | 'en')[];
}

export interface EditorOptions {
  categories: { id: number; name: string }[];
  authors: { id: number; name: string; kind: 'person' | 'agency' }[];
  topics: { id: number; name: string }[];
  illustrations: readonly { path: string; width: number; height: number }[];
  /** Library photos to choose from (newest first), with this language's alt text (empty = cannot publish). */
  photos?: { id: number; thumb: string | null; label: string; alt: string }[];
  /** Library videos (self-hosted files): offered in the video address field; their duration fills an empty one. */
  videos?: { url: string; label: string; durationSeconds: number | null }[];
  genres: readonly string[];
}

/** 63 → "1:03", 3723 → "1:02:03" (a form the duration field accepts, lib/video/duration.ts). */
function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export interface EditorPermissions {
  submit: boolean;
  publish: boolean;
  unpublish: boolean;
  remove: boolean;
  correct: boolean;
}

type SaveState = 'saved' | 'dirty' | 'saving' | 'failed' | 'conflict';

const AUTOSAVE_MS = 4000;
const HEARTBEAT_MS = 15_000;

export function ArticleEditor({
  article,
  server,
  options,
  can,
}: {
  article: EditorArticle;
  server: ServerArticleFields;
  options: EditorOptions;
  can: EditorPermissions;
}) {
  const t = useTranslations('newsroom.editor');
  const tm = useTranslations('newsroom.media');
  const format = useFormatter();
  const router = useRouter();
  const initial = fieldsFromServer(server);
  const [fields, setFields] = useState<EditorFields>(initial);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [notice, setNotice] = useState<'restored' | 'older' | null>(null);
  const [conflict, setConflict] = useState<ServerArticleFields & { version: number } | null>(null);
  const [others, setOthers] = useState<{ name: string; since: number }[]>([]);
  const [busy, setBusy] = useState(false);

  const fieldsRef = useRef(fields);
  const versionRef = useRef(article.version);
  const lastSavedRef = useRef(initial);
  const savingRef = useRef(false);
  const conflictRef = useRef(false);
  const olderCopyRef = useRef<EditorFields | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const storeLocal = useCallback((next: EditorFields) => {
    try {
      if (sameFields(next, lastSavedRef.current)) localStorage.removeItem(localCopyKey(article.id));
      else localStorage.setItem(localCopyKey(article.id), JSON.stringify({ fields: next, baseVersion: versionRef.current, at: Date.now() }));
    } catch {
      // Private mode or a full storage: the form still holds the text.
    }
  }, [article.id]);

  const update = useCallback(
    (patch: Partial<EditorFields>) => {
      setFields((prev) => {
        const next = { ...prev, ...patch };
        fieldsRef.current = next;
        storeLocal(next);
        return next;
      });
      setSaveState((s) => (s === 'conflict' ? s : 'dirty'));
    },
    [storeLocal],
  );

  // A local copy from before a reload: put it back when it was typed on the version the server still has.
  useEffect(() => {
    let copy = null;
    try {
      copy = parseLocalCopy(localStorage.getItem(localCopyKey(article.id)));
    } catch {
      return;
    }
    if (!copy || sameFields(copy.fields, lastSavedRef.current)) return;
    if (copy.baseVersion === versionRef.current) {
      fieldsRef.current = copy.fields;
      setFields(copy.fields);
      setSaveState('dirty');
      setNotice('restored');
    } else {
      olderCopyRef.current = copy.fields;
      setNotice('older');
    }
  }, [article.id]);

  // After a workflow step the server may have a newer version of the same content: follow it silently.
  useEffect(() => {
    if (article.version > versionRef.current && sameFields(fieldsFromServer(server), lastSavedRef.current)) {
      versionRef.current = article.version;
    }
  }, [article.version, server]);

  const save = useCallback(
    async (reason: 'autosave' | 'save'): Promise<boolean> => {
      if (savingRef.current || conflictRef.current) return false;
      const snapshot = fieldsRef.current;
      if (reason === 'autosave' && sameFields(snapshot, lastSavedRef.current)) return true;
      savingRef.current = true;
      setSaveState('saving');
      try {
        const outcome = await saveArticleAction(article.id, versionRef.current, inputFromFields(snapshot), reason);
        if (outcome.ok) {
          versionRef.current = outcome.version;
          lastSavedRef.current = { ...snapshot, newTopics: '' };
          setSavedAt(outcome.savedAt);
          setErrors({});
          const unchanged = sameFields(fieldsRef.current, snapshot);
          if (snapshot.newTopics && unchanged) {
            // New topics now exist on the server: reload the form's options and selection.
            router.refresh();
          }
          setSaveState(unchanged ? 'saved' : 'dirty');
          storeLocal(fieldsRef.current);
          return true;
        }
        if ('conflict' in outcome) {
          conflictRef.current = true;
          setConflict({ ...outcome.conflict, version: outcome.conflict.version });
          setSaveState('conflict');
          return false;
        }
        if ('fields' in outcome) {
          setErrors(outcome.fields);
          setSaveState('failed');
          return false;
        }
        setMessage({ kind: 'error', text: t.has(`errors.${outcome.error}`) ? t(`errors.${outcome.error}`) : t('errors.generic') });
        setSaveState('failed');
        return false;
      } catch {
        setSaveState('failed');
        return false;
      } finally {
        savingRef.current = false;
      }
    },
    [article.id, router, storeLocal, t],
  );

  // Autosave every few seconds, and when the page is hidden or left.
  useEffect(() => {
    const timer = setInterval(() => void save('autosave'), AUTOSAVE_MS);
    const onHide = () => {
      if (document.visibilityState === 'hidden') void save('autosave');
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!sameFields(fieldsRef.current, lastSavedRef.current)) {
        void save('autosave');
        event.preventDefault();
      }
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [save]);

  // Presence: who else has this article open.
  useEffect(() => {
    let live = true;
    const beat = () =>
      heartbeatAction(article.id)
        .then((list) => live && setOthers(list))
        .catch(() => {});
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => {
      live = false;
      clearInterval(timer);
      void leaveAction(article.id).catch(() => {});
    };
  }, [article.id]);

  async function run(op: WorkflowOp, okText?: string) {
    setMessage(null);
    setBusy(true);
    try {
      if (!sameFields(fieldsRef.current, lastSavedRef.current) && !(await save('save'))) return;
      const outcome = await workflowAction(article.id, op);
      if (!outcome.ok) {
        if ('conflict' in outcome) {
          conflictRef.current = true;
          setConflict(outcome.conflict);
          setSaveState('conflict');
        } else setMessage({ kind: 'error', text: t.has(`errors.${outcome.error}`) ? t(`errors.${outcome.error}`) : t('errors.generic') });
        return;
      }
      if (okText) setMessage({ kind: 'ok', text: okText });
      if (outcome.redirectTo) {
        try {
          localStorage.removeItem(localCopyKey(article.id));
        } catch {}
        router.push(outcome.redirectTo);
      } else router.refresh();
    } catch {
      setMessage({ kind: 'error', text: t('errors.forbidden') });
    } finally {
      setBusy(false);
    }
  }

  function keepMine() {
    if (!conflict) return;
    versionRef.current = conflict.version;
    conflictRef.current = false;
    setConflict(null);
    setSaveState('dirty');
    void save('save');
  }

  function takeTheirs() {
    if (!conflict) return;
    const theirs = fieldsFromServer(conflict);
    versionRef.current = conflict.version;
    lastSavedRef.current = theirs;
    fieldsRef.current = theirs;
    conflictRef.current = false;
    setFields(theirs);
    storeLocal(theirs);
    setConflict(null);
    setSaveState('saved');
  }

  function recoverOlderCopy() {
    if (!olderCopyRef.current) return;
    update(olderCopyRef.current);
    setNotice(null);
  }

  const statusText =
    saveState === 'saving'
      ? t('state.saving')
      : saveState === 'dirty'
        ? t('state.dirty')
        : saveState === 'failed'
          ? t('state.failed')
          : saveState === 'conflict'
            ? t('state.conflict')
            : savedAt
              ? t('state.savedAt', { time: format.dateTime(savedAt, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) })
              : t('state.saved');

  const err = (name: string) =>
    errors[name] ? (
      <span id={`${name}-error`} className="nr-field-error">
        {t.has(`errors.${errors[name]}`) ? t(`errors.${errors[name]}`) : t('errors.invalid')}
      </span>
    ) : null;
  const described = (name: string) => (errors[name] ? { 'aria-describedby': `${name}-error`, 'aria-invalid': true } : {});

  return (
    <div className="nr-editor">
      <p className="nr-savestate" role="status" aria-live="polite" data-state={saveState}>
        {statusText}
      </p>
      {others.length > 0 ? (
        <p className="nr-notice" role="status">
          {t('presence', { names: others.map((o) => o.name).join(', '), count: others.length })}
        </p>
      ) : null}
      {notice === 'restored' ? <p className="nr-notice">{t('localRestored')}</p> : null}
      {notice === 'older' ? (
        <p className="nr-notice">
          {t('localOlder')}{' '}
          <button type="button" onClick={recoverOlderCopy}>
            {t('localRecover')}
          </button>
        </p>
      ) : null}
      {message ? (
        <p className={message.kind === 'error' ? 'nr-error' : 'nr-notice'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      {conflict ? <ConflictView mine={fields} theirs={fieldsFromServer(conflict)} options={options} onKeepMine={keepMine} onTakeTheirs={takeTheirs} /> : null}

      <form
        className="nr-form nr-article-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save('save');
        }}
      >
        <label htmlFor="title">{t('fields.title')}</label>
        <input id="title" value={fields.title} maxLength={200} required onChange={(e) => update({ title: e.target.value })} {...described('title')} />
        {err('title')}

        <label htmlFor="standfirst">{t('fields.standfirst')}</label>
        <textarea id="standfirst" className="nr-short" value={fields.standfirst} maxLength={600} onChange={(e) => update({ standfirst: e.target.value })} {...described('standfirst')} />
        {err('standfirst')}

        <label htmlFor="body">{t('fields.body')}</label>
        <MarkdownToolbar target={bodyRef} onChange={(body) => update({ body })} />
        <textarea id="body" ref={bodyRef} value={fields.body} maxLength={200_000} onChange={(e) => update({ body: e.target.value })} {...described('body')} />
        {err('body')}
        <Preview body={fields.body} locale={article.locale} />

        <div className="nr-grid">
          <div>
            <label htmlFor="categoryId">{t('fields.section')}</label>
            <select id="categoryId" value={fields.categoryId} onChange={(e) => update({ categoryId: Number(e.target.value) })}>
              {options.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="authorId">{t('fields.byline')}</label>
            <select id="authorId" value={fields.authorId} onChange={(e) => update({ authorId: Number(e.target.value) })}>
              <optgroup label={t('fields.staff')}>
                {options.authors
                  .filter((a) => a.kind === 'person')
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
              </optgroup>
              <optgroup label={t('fields.agencies')}>
                {options.authors
                  .filter((a) => a.kind === 'agency')
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
              </optgroup>
            </select>
          </div>
          <div>
            <label htmlFor="genre">{t('fields.genre')}</label>
            <select id="genre" value={fields.genre} onChange={(e) => update({ genre: e.target.value })}>
              {options.genres.map((g) => (
                <option key={g} value={g}>
                  {t(`genres.${g}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="kind">{t('fields.kind')}</label>
            <select id="kind" value={fields.kind} onChange={(e) => update({ kind: e.target.value as 'article' | 'video' })}>
              <option value="article">{t('kinds.article')}</option>
              <option value="video">{t('kinds.video')}</option>
            </select>
          </div>
        </div>
        {fields.kind === 'video' ? (
          <div className="nr-grid">
            <div>
              <label htmlFor="videoDurationSeconds">{t('fields.duration')}</label>
              <input id="videoDurationSeconds" value={fields.videoDurationSeconds} maxLength={20} placeholder="1:03" onChange={(e) => update({ videoDurationSeconds: e.target.value.slice(0, 20) })} {...described('videoDurationSeconds')} />
              {err('videoDurationSeconds')}
            </div>
            <div>
              <label htmlFor="videoUrl">{t('fields.videoUrl')}</label>
              {/* type=text: a library video's address is a path (/media/p/…), which type=url would refuse. */}
              <input
                id="videoUrl"
                type="text"
                inputMode="url"
                list="library-videos"
                value={fields.videoUrl}
                maxLength={500}
                onChange={(e) => {
                  const chosen = (options.videos ?? []).find((v) => v.url === e.target.value.trim());
                  const duration = chosen?.durationSeconds;
                  update({
                    videoUrl: e.target.value,
                    ...(duration != null && fields.videoDurationSeconds.trim() === '' ? { videoDurationSeconds: clock(duration) } : {}),
                  });
                }}
                {...described('videoUrl')}
              />
              <datalist id="library-videos">
                {(options.videos ?? []).map((v) => (
                  <option key={v.url} value={v.url}>
                    {t('fields.libraryVideo', { name: v.label, duration: v.durationSeconds === null ? '?' : clock(v.durationSeconds) })}
                  </option>
                ))}
              </datalist>
              {err('videoUrl')}
              <p className="nr-hint">{t('fields.videoPoster')}</p>
            </div>
            <div>
              <label htmlFor="videoTitle">{t('fields.videoTitle')}</label>
              <input id="videoTitle" value={fields.videoTitle} maxLength={200} onChange={(e) => update({ videoTitle: e.target.value })} {...described('videoTitle')} />
              {err('videoTitle')}
            </div>
          </div>
        ) : null}

        <fieldset className="nr-topics">
          <legend>{t('fields.topics')}</legend>
          <div className="nr-topic-list">
            {options.topics.map((topic) => (
              <label key={topic.id} className="nr-check">
                <input
                  type="checkbox"
                  checked={fields.tagIds.includes(topic.id)}
                  onChange={(e) =>
                    update({ tagIds: e.target.checked ? [...fields.tagIds, topic.id].sort((x, y) => x - y) : fields.tagIds.filter((id) => id !== topic.id) })
                  }
                />{' '}
                {topic.name}
              </label>
            ))}
          </div>
          <label htmlFor="newTopics">{t('fields.newTopics')}</label>
          <input id="newTopics" value={fields.newTopics} maxLength={500} onChange={(e) => update({ newTopics: e.target.value })} {...described('newTopics')} />
          {err('newTopics')}
          {err('tagIds')}
        </fieldset>

        <fieldset>
          <legend>{t('fields.hero')}</legend>
          <label htmlFor="heroMediaId">{tm('picker.label')}</label>
          <select id="heroMediaId" value={fields.heroMediaId} onChange={(e) => update({ heroMediaId: e.target.value })} aria-describedby="heroMediaId-hint">
            <option value="">{tm('picker.none')}</option>
            {(options.photos ?? []).map((p) => (
              <option key={p.id} value={String(p.id)}>
                {`#${p.id} ${p.label}`}
                {p.alt ? '' : ` (${tm('list.noAlt')})`}
              </option>
            ))}
          </select>
          <span className="nr-hint" id="heroMediaId-hint">
            {tm('picker.hint')}
          </span>
          {(() => {
            const chosen = (options.photos ?? []).find((p) => String(p.id) === fields.heroMediaId);
            // eslint-disable-next-line @next/next/no-img-element
            return chosen?.thumb ? <img src={chosen.thumb} alt="" width={160} height={90} className="nr-thumb" data-testid="hero-photo-thumb" /> : null;
          })()}
          <label htmlFor="heroImage">{t('fields.heroImage')}</label>
          <select id="heroImage" value={fields.heroImage} onChange={(e) => update({ heroImage: e.target.value })}>
            <option value="">{t('fields.noImage')}</option>
            {options.illustrations.map((i) => (
              <option key={i.path} value={i.path}>
                {i.path.replace(/^\/media\//, '').replace(/-16x9\.svg$/, '')}
              </option>
            ))}
          </select>
          {fields.heroImage ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={fields.heroImage} alt="" width={160} height={90} className="nr-thumb" />
          ) : null}
          <label htmlFor="heroAlt">{t('fields.heroAlt')}</label>
          <input id="heroAlt" value={fields.heroAlt} maxLength={300} onChange={(e) => update({ heroAlt: e.target.value })} />
          <label htmlFor="heroCaption">{t('fields.heroCaption')}</label>
          <input id="heroCaption" value={fields.heroCaption} maxLength={500} onChange={(e) => update({ heroCaption: e.target.value })} />
          <label htmlFor="heroCredit">{t('fields.heroCredit')}</label>
          <input id="heroCredit" value={fields.heroCredit} maxLength={200} onChange={(e) => update({ heroCredit: e.target.value })} />
        </fieldset>

        <details>
          <summary>{t('fields.seo')}</summary>
          <label htmlFor="slug">{t('fields.slug')}</label>
          <input id="slug" value={fields.slug} maxLength={200} pattern="[a-z0-9]+(-[a-z0-9]+)*" onChange={(e) => update({ slug: e.target.value })} {...described('slug')} />
          <span className="nr-hint">{t('fields.slugHint')}</span>
          {err('slug')}
          <label htmlFor="seoTitle">{t('fields.seoTitle')}</label>
          <input id="seoTitle" value={fields.seoTitle} maxLength={70} onChange={(e) => update({ seoTitle: e.target.value })} />
          <label htmlFor="seoDescription">{t('fields.seoDescription')}</label>
          <textarea id="seoDescription" className="nr-short" value={fields.seoDescription} maxLength={200} onChange={(e) => update({ seoDescription: e.target.value })} />
        </details>

        <div className="nr-actions">
          <button type="submit" data-primary="" disabled={busy || saveState === 'saving' || saveState === 'conflict'}>
            {t('save')}
          </button>
        </div>
      </form>

      <Workflow article={article} can={can} busy={busy} run={run} />
    </div>
  );
}

/** The body as readers will see it, rendered by the server's Markdown component (shown on demand). */
function Preview({ body, locale }: { body: string; locale: 'fr' | 'en' }) {
  const t = useTranslations('newsroom.editor');
  const [open, setOpen] = useState(false);
  const [node, setNode] = useState<ReactNode>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      previewAction(body, locale)
        .then((rendered) => live && setNode(rendered))
        .catch(() => {});
    }, 500);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, body, locale]);
  return (
    <div className="nr-preview">
      <button type="button" aria-expanded={open} aria-controls="body-preview" onClick={() => setOpen(!open)}>
        {open ? t('hidePreview') : t('showPreview')}
      </button>
      {open ? (
        <section id="body-preview" aria-label={t('previewLabel')} className="nr-preview-body">
          {node}
        </section>
      ) : null}
    </div>
  );
}

function Workflow({
  article,
  can,
  busy,
  run,
}: {
  article: EditorArticle;
  can: EditorPermissions;
  busy: boolean;
  run: (op: WorkflowOp, okText?: string) => Promise<void>;
}) {
  const t = useTranslations('newsroom.editor');
  const format = useFormatter();
  const [when, setWhen] = useState('');
  const [note, setNote] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const live = article.status === 'published' || article.status === 'scheduled';
  return (
    <section aria-labelledby="workflow-title" className="nr-workflow">
      <h2 id="workflow-title">{t('workflow.title')}</h2>
      <p>
        {t('workflow.status')} <strong className="nr-badge">{t(`statuses.${article.status}`)}</strong>
        {article.status === 'scheduled' && article.scheduledFor
          ? ` — ${t('workflow.scheduledFor', { when: format.dateTime(article.scheduledFor, { dateStyle: 'full', timeStyle: 'short' }) })}`
          : null}
      </p>
      {article.sourceUpdated ? (
        <p className="nr-notice">
          {t('workflow.sourceUpdated')}{' '}
          <button type="button" disabled={busy} onClick={() => run({ type: 'reviewed' }, t('workflow.reviewedDone'))}>
            {t('workflow.markReviewed')}
          </button>
        </p>
      ) : null}
      <div className="nr-actions">
        <a href={`/newsroom/articles/${article.id}/preview`}>{t('workflow.preview')}</a>
        <a href={`/newsroom/articles/${article.id}/history`}>{t('workflow.history')}</a>
        {article.readerPath ? <a href={article.readerPath}>{t('workflow.readerPage')}</a> : null}
      </div>
      <div className="nr-actions">
        {can.submit && (article.status === 'draft' || article.status === 'unpublished') ? (
          <button type="button" disabled={busy} onClick={() => run({ type: 'submit' }, t('workflow.submitted'))}>
            {t('workflow.submit')}
          </button>
        ) : null}
        {can.publish ? (
          <button type="button" data-primary="" disabled={busy} onClick={() => run({ type: 'publish' }, t('workflow.published'))}>
            {article.status === 'published' ? t('workflow.republish') : t('workflow.publish')}
          </button>
        ) : null}
        {can.unpublish && live ? (
          <button type="button" disabled={busy} onClick={() => run({ type: 'unpublish' }, t('workflow.unpublished'))}>
            {t('workflow.unpublish')}
          </button>
        ) : null}
      </div>
      {can.publish ? (
        <form
          className="nr-form nr-inline"
          onSubmit={(e) => {
            e.preventDefault();
            void run({ type: 'schedule', at: when }, t('workflow.scheduled'));
          }}
        >
          <label htmlFor="schedule-at">{t('workflow.scheduleAt')}</label>
          <input id="schedule-at" type="datetime-local" step={1} required value={when} onChange={(e) => setWhen(e.target.value)} />
          <button type="submit" disabled={busy}>
            {t('workflow.schedule')}
          </button>
        </form>
      ) : null}
      {article.missingLocales.map((locale) => (
        <button key={locale} type="button" disabled={busy} onClick={() => run({ type: 'translate', locale })}>
          {t(`workflow.translate.${locale}`)}
        </button>
      ))}
      {can.correct && article.status === 'published' ? (
        <form
          className="nr-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run({ type: 'correct', note }, t('workflow.corrected')).then(() => setNote(''));
          }}
        >
          <label htmlFor="correction">{t('workflow.correction')}</label>
          <textarea id="correction" className="nr-short" required maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="submit" disabled={busy}>
            {t('workflow.addCorrection')}
          </button>
        </form>
      ) : null}
      {can.remove ? (
        <div className="nr-actions">
          <label className="nr-check">
            <input type="checkbox" checked={confirmDelete} onChange={(e) => setConfirmDelete(e.target.checked)} /> {t('workflow.confirmDelete')}
          </label>
          <button type="button" disabled={busy || !confirmDelete} onClick={() => run({ type: 'delete' })}>
            {t('workflow.delete')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
