export interface FieldIssue {
  field: string;
  message: string;
}

/** An error that maps to an HTTP response; anything else becomes a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends HttpError {
  constructor(issues: FieldIssue[], message = 'Request validation failed') {
    super(400, 'validation_failed', message, issues);
  }
}

export class BadRequestError extends HttpError {
  constructor(message: string, code = 'bad_request') {
    super(400, code, message);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message = 'Authentication required') {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'You are not allowed to do that') {
    super(403, 'forbidden', message);
  }
}

export class NotFoundError extends HttpError {
  constructor(entity: string, id: string | number) {
    super(404, 'not_found', `${entity} ${id} not found`);
  }
}

export class ConflictError extends HttpError {
  constructor(message: string, code = 'conflict', details?: unknown) {
    super(409, code, message, details);
  }
}
