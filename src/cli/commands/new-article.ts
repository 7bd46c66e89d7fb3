import { constants, existsSync } from "node:fs";
import { copyFile, mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { sourcesDir } from "../../config/apply.js";
import { UsageError } from "../../errors.js";
import { readSnapshot } from "../../load/snapshot.js";
import type { RunOptions } from "../../options/run-options.js";
import { isInside } from "../../paths/repository-paths.js";
import { stripControl } from "../../reporters/escape.js";
import { articleIdFromUrl, renderArticleMap, renderArticleSource } from "../../scaffold/article.js";
import { schemaPathFrom } from "../../scaffold/package-files.js";
import { formatPartialDate, fromJsDate } from "../../time/partial-date.js";
import type { CliIO } from "../io.js";
import { checkDate, checkId, checkText, checkUrl, type FieldReader } from "./new-fields.js";
import { relative, selfCheck, writeNew } from "./new-files.js";

type ArticleFlag = "url" | "snapshot" | "id" | "title" | "outlet" | "published";

export interface ArticleContext {
  root: string;
  /** The folder a relative --snapshot is read against (the working directory, or the root under -C). */
  pathBase: string;
  /** The folder holding one folder per article (claims by default). */
  articles: string;
  options: RunOptions;
}

/**
 * `claimcheck new article`: the article's source record with its text as a snapshot, and its
 * map. The snapshot's sha256 is read by the check's own snapshot reader, so the first run
 * agrees with it; a snapshot outside the project is copied in first.
 */
export async function newArticle(fields: FieldReader<ArticleFlag>, context: ArticleContext, io: CliIO): Promise<number> {
  const { root, pathBase, options } = context;
  const url = await fields.get("url", { question: "URL of the article", required: true, check: checkUrl });
  const snapshotArg = await fields.get("snapshot", {
    question: "the article's text, as a file (one paragraph a line)",
    required: true,
    check: (value) => (existsSync(path.resolve(pathBase, value)) ? undefined : `no file "${value}"`),
  });
  const text = snapshotArg === undefined ? undefined : await readFile(path.resolve(pathBase, snapshotArg), "utf8").catch(() => undefined);
  const firstLine = text
    ?.split("\n")
    .map((line) => line.trim())
    .find((line) => line !== "")
    ?.slice(0, 300);
  const id = await fields.get("id", { question: "article id", fallback: url && checkUrl(url) === undefined ? articleIdFromUrl(url) : undefined, required: true, check: checkId });
  const title = await fields.get("title", { question: "title", fallback: firstLine, required: true, check: checkText });
  const outlet = await fields.get("outlet", { question: "the outlet that published it", check: checkText });
  const published = await fields.get("published", { question: "published, the date at its precision (YYYY, YYYY-MM or YYYY-MM-DD)", check: checkDate });
  fields.done();

  const sourcesFolder = path.join(root, sourcesDir(options.sources));
  const sourceFile = path.join(sourcesFolder, `${id}.yaml`);
  const mapFolder = path.join(root, context.articles, id!);
  const mapFile = path.join(mapFolder, "article.yaml");
  const given = path.resolve(pathBase, snapshotArg!);
  const copyTo = isInside(root, given) ? undefined : path.join(sourcesFolder, "snapshots", `${id}${path.extname(given) || ".txt"}`);
  const taken = [sourceFile, mapFile, ...(copyTo ? [copyTo] : [])].filter((f) => existsSync(f));
  if (taken.length > 0) throw new UsageError("exists", `${taken.map((f) => relative(root, f)).join(", ")} already exist${taken.length === 1 ? "s" : ""}; nothing was written`);

  const snapshotFile = copyTo ?? given;
  const snapshotPath = path.relative(sourcesFolder, snapshotFile).split(path.sep).join("/");
  if (copyTo) {
    try {
      await mkdir(path.dirname(copyTo), { recursive: true });
      await copyFile(given, copyTo, constants.COPYFILE_EXCL);
    } catch (error) {
      throw new UsageError("bad-argument", `cannot copy ${stripControl(snapshotArg!)} to ${relative(root, copyTo)}: ${stripControl((error as Error).message)}`);
    }
  }
  const read = await readSnapshot(root, relative(root, sourceFile), snapshotPath, options.limits.maxSnapshotBytes);
  if (!read.ok) {
    if (copyTo) await rm(copyTo, { force: true });
    throw new UsageError("bad-argument", `the snapshot ${stripControl(snapshotArg!)} cannot be used: ${stripControl(read.detail)}`);
  }
  const fieldsOut = {
    id: id!,
    url: url!,
    title: title!,
    outlet,
    published,
    accessed: formatPartialDate(fromJsDate(new Date())),
    snapshot: { path: snapshotPath, sha256: read.sha256 },
    sourceSchemaPath: schemaPathFrom(root, sourcesFolder, "source"),
    mapSchemaPath: schemaPathFrom(root, mapFolder, "article"),
  };
  const source = renderArticleSource(fieldsOut);
  const map = renderArticleMap(fieldsOut);
  try {
    selfCheck(relative(root, sourceFile), source, "source");
    selfCheck(relative(root, mapFile), map, "article");
    await writeNew(root, sourceFile, source, "source");
    await writeNew(root, mapFile, map, "article");
  } catch (error) {
    if (copyTo) await rm(copyTo, { force: true });
    throw error;
  }
  if (copyTo) io.stdout(`copied the text to ${relative(root, copyTo)}\n`);
  io.stdout(`created ${relative(root, sourceFile)} (snapshot sha256 ${read.sha256})\n`);
  io.stdout(`created ${relative(root, mapFile)}\n`);
  if (published === undefined) io.stderr(`note: no --published date; the claims' as-of will have to be given by hand\n`);
  io.stdout(`next: add its claims: claimcheck new claim --article ${id} …; then run: claimcheck\n`);
  return 0;
}
