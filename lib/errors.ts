/**
 * Errors that reach the HTTP edge carry their status and whether their message may be shown.
 * 4xx messages are shown to the caller; 5xx messages go to the log only.
 */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get expose(): boolean {
    return this.status < 500;
  }
}

/** 400: the request is not a Gitee delivery we can read. */
export class BadRequestError extends HttpError {
  override name = 'BadRequestError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(400, message, options);
  }
}

/** 413: the body is over the configured limit. */
export class PayloadTooLargeError extends HttpError {
  override name = 'PayloadTooLargeError';
  constructor(message: string) {
    super(413, message);
  }
}

/** Settings could not be loaded from SSM or are invalid. Shown as "settings unavailable". */
export class SettingsError extends HttpError {
  override name = 'SettingsError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(500, message, options);
  }
}
