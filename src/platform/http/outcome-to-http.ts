// The one place where refusals become HTTP statuses and bodies.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Refusal } from '../../law/outcome.js';
import { messageFor, type Locale } from '../i18n/messages.js';

const STATUS_BY_CODE: Record<string, number> = {
  INVALID_INPUT: 400,
  NUL_CHARACTER: 400,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  CSRF_TOKEN_INVALID: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
};

/** 400 bad shape; 401/403/404 access; a refused value (with a field) 422; a refused state 409. */
export function statusForRefusal(refusal: Refusal): number {
  return STATUS_BY_CODE[refusal.code] ?? (refusal.field ? 422 : 409);
}

export interface ErrorBody {
  error: { code: string; message: string; field?: string; citation?: Refusal['citation']; details?: unknown };
}

/** A refusal's message in `locale` with its article: 须先完成事先告知 (行政处罚法 第四十四条). */
export function refusalMessage(refusal: Pick<Refusal, 'code' | 'citation'>, locale: Locale): string {
  const c = refusal.citation;
  return messageFor(refusal.code, locale) + (c ? ` (${c.law} ${c.article}${c.paragraph ?? ''}${c.item ?? ''})` : '');
}

export function errorBody(request: FastifyRequest, refusal: Refusal, details?: unknown): ErrorBody {
  let message = refusalMessage(refusal, request.locale);
  if (refusal.field) message = `${refusal.field}: ${message}`;
  return {
    error: {
      code: refusal.code, message,
      ...(refusal.field ? { field: refusal.field } : {}),
      ...(refusal.citation ? { citation: refusal.citation } : {}),
      ...(details !== undefined ? { details } : {}),
    },
  };
}

export function sendRefusal(request: FastifyRequest, reply: FastifyReply, refusal: Refusal, details?: unknown) {
  return reply.code(statusForRefusal(refusal)).send(errorBody(request, refusal, details));
}
