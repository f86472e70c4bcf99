import { readFile } from 'node:fs/promises';
import type http from 'node:http';
import { basename } from 'node:path';
import { loadSettings } from '../lib/settings/load-settings';
import { settingsFileToParameters } from '../lib/settings/settings-file';
import type { Settings } from '../lib/settings/types';
import { readBody } from './api-gateway-event';
import { resolvePlaygroundParameters } from './emulated-robots';
import { checkEdit, readEdit, type Edit } from './playground-editor-check';
import { previewTemplate } from './playground-editor-render';
import { readEditorSamples } from './playground-editor-samples';
import { replaceFile, writeTemplateInto } from './playground-editor-save';
import { configuredSets, editorState, robotSet } from './playground-editor-state';
import { describeLoadProblem } from './local-settings';
import { sendJson } from './playground-routes';

/** What the editor's routes need from the running playground. */
export interface EditorContext {
  settingsPath: string;
  /** The playground's port: playground.localhost webhooks resolve to it, as for deliveries. */
  port: number;
  fixturesDir: string;
  now: () => number;
}

/** A template is a few KB; a body far past that is a mistake. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * The live template editor's API (issue 12, "Live template editor in the playground"):
 * GET /playground/editor (robots, keys, their templates, the file's mistakes),
 * POST /playground/editor/preview (the edit checked, with line and column, and rendered
 * against every sample it applies to) and POST /playground/editor/save (the edit written
 * into the settings file, comments kept). The playground's Host and Origin guard runs first.
 * Returns false for any other path.
 */
export async function handleEditor(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  ctx: EditorContext,
): Promise<boolean> {
  const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
  const route = `${req.method ?? 'GET'} ${pathname}`;
  if (route === 'GET /playground/editor') await sendState(res, ctx);
  else if (route === 'POST /playground/editor/preview') await withEdit(req, res, ctx, preview);
  else if (route === 'POST /playground/editor/save') await withEdit(req, res, ctx, save);
  else return false;
  return true;
}

/** The settings file as the playground runs with it, read now (not the 2-second cache). */
async function loadFile(ctx: EditorContext): Promise<{ text: string; settings: Settings }> {
  const text = await readFile(ctx.settingsPath, 'utf8');
  return { text, settings: await settingsOf(text, ctx.port) };
}

function settingsOf(text: string, port: number): Promise<Settings> {
  return loadSettings(resolvePlaygroundParameters(settingsFileToParameters(text), port));
}

async function sendState(res: http.ServerResponse, ctx: EditorContext): Promise<void> {
  try {
    const { settings } = await loadFile(ctx);
    const problems = [...(settings.templateProblems ?? [])];
    sendJson(res, 200, editorState(settings, basename(ctx.settingsPath), problems));
  } catch (error) {
    sendJson(res, 422, { error: `${basename(ctx.settingsPath)}: ${describeLoadProblem(error)}` });
  }
}

type EditAction = (
  res: http.ServerResponse,
  ctx: EditorContext,
  edit: Edit,
  file: { text: string; settings: Settings },
) => Promise<void>;

async function withEdit(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  ctx: EditorContext,
  action: EditAction,
): Promise<void> {
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === null) return sendJson(res, 413, { error: 'the template is too large' });
  const edit = readEdit(body.toString('utf8'));
  if (typeof edit === 'string') return sendJson(res, 400, { error: edit });
  let file;
  try {
    file = await loadFile(ctx);
  } catch (error) {
    const problem = `${basename(ctx.settingsPath)}: ${describeLoadProblem(error)}`;
    return sendJson(res, 422, { error: problem });
  }
  if (!file.settings.robots.some((robot) => robot.name === edit.robot)) {
    return sendJson(res, 404, { error: `no robot "${edit.robot}" in the settings file` });
  }
  await action(res, ctx, edit, file);
}

const preview: EditAction = async (res, ctx, edit, { settings }) => {
  const robot = settings.robots.find((candidate) => candidate.name === edit.robot)!;
  const checked = await checkEdit(robot, edit);
  const previews = await previewTemplate({
    settings,
    robot,
    templates: robotSet(robot, configuredSets(settings)).templates,
    key: edit.key,
    template: edit.template,
    samples: await readEditorSamples(ctx.fixturesDir, ctx.now()),
    now: ctx.now(),
  });
  sendJson(res, 200, { ...checked, previews });
};

const save: EditAction = async (res, ctx, edit, { text, settings }) => {
  const robot = settings.robots.find((candidate) => candidate.name === edit.robot)!;
  const checked = await checkEdit(robot, edit);
  if (checked.refusal !== null || checked.problems.length > 0) {
    return sendJson(res, 422, { error: 'not saved: fix the template first', ...checked });
  }
  const current = robotSet(robot, configuredSets(settings));
  const inherited = current.source === 'defaults' ? current.templates : undefined;
  const next = writeTemplateInto(text, { ...edit, inherited });
  try {
    await settingsOf(next, ctx.port);
  } catch (error) {
    return sendJson(res, 422, { error: `not saved: ${describeLoadProblem(error)}` });
  }
  await replaceFile(ctx.settingsPath, next);
  const copied = Object.keys(inherited ?? {}).filter((key) => key !== edit.key);
  sendJson(res, 200, { saved: true, file: basename(ctx.settingsPath), copied });
};
