import type { FastifyRequest } from 'fastify';
import { AppError, languageOf, multipartFailure } from './errors';
import { findInputProblem, inputProblemError } from './input-guard';

export interface UploadedFile {
  data: Buffer;
  fileName: string;
}

export interface MultipartForm {
  /** The one file part, or null when none was sent (a text field named `file` is not a file). */
  file: UploadedFile | null;
  /** Non-empty text fields by name; routes validate them with their own zod schema. */
  fields: Record<string, string>;
}

/**
 * Reads a multipart/form-data body of at most one file and a few text fields. Every way a client can
 * get multipart wrong answers 4xx here (upload routes read the body themselves, so Fastify's parser
 * errors and the input guard do not reach it): not multipart → 415, malformed or truncated → 400,
 * too many parts → 400, file too large → 413, unstorable characters in a field or file name → 400.
 */
export async function readMultipart(
  request: FastifyRequest,
  limits: { maxFileBytes: number; maxFields?: number },
): Promise<MultipartForm> {
  if (!request.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE');
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  try {
    for await (const part of request.parts({
      limits: { fileSize: limits.maxFileBytes, files: 1, fields: limits.maxFields ?? 20, parts: 30 },
    })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        file = { data, fileName: part.filename };
      } else if (typeof part.value === 'string' && part.value !== '') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    // Whatever fails while reading the parts is the body's fault (busboy's errors carry no status).
    throw multipartFailure(err, limits.maxFileBytes) ?? new AppError(400, 'BAD_REQUEST', malformed);
  }
  const problem = findInputProblem({ ...fields, ...(file ? { file: file.fileName } : {}) });
  if (problem) throw inputProblemError(problem, languageOf(request));
  return { file, fields };
}

const malformed = { reason: 'MALFORMED_MULTIPART' };
