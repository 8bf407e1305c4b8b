import { DomainError, notFoundError } from '../../common/problem.js';
import { MAX_ATTACHMENT_BYTES } from './messaging.rules.js';

export class ConversationNotFoundError extends notFoundError(
  'conversation_not_found',
  'No such conversation was found.',
) {}

export class MessageAttachmentNotFoundError extends notFoundError(
  'attachment_not_found',
  'No such file was found in this conversation.',
) {}

export class CarePoolNotFoundError extends notFoundError(
  'care_pool_not_found',
  'No such care-team pool.',
) {}

export class ReplyTemplateNotFoundError extends notFoundError(
  'reply_template_not_found',
  'No such reply template.',
) {}

export class MessagingNotSetUpError extends DomainError {
  constructor() {
    super(
      422,
      'messaging_not_set_up',
      'This kind of message cannot be sent yet',
      'The clinic has not chosen who answers this kind of message. Call the clinic, or choose another kind.',
    );
  }
}

export class NameTakenError extends DomainError {
  constructor(what: 'pool' | 'template') {
    super(
      409,
      `${what === 'pool' ? 'care_pool' : 'reply_template'}_name_taken`,
      'The name is taken',
      `Another ${what === 'pool' ? 'care-team pool' : 'reply template'} already has this name.`,
    );
  }
}

export class ClientMessageIdReusedError extends DomainError {
  constructor() {
    super(
      409,
      'client_message_id_reused',
      'This message id was used for another conversation',
      'Each message needs its own clientMessageId; a retry of the same message sends the same one.',
    );
  }
}

export const ALLOWED_ATTACHMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/heic',
];

export class UnsupportedAttachmentTypeError extends DomainError {
  constructor() {
    super(
      415,
      'unsupported_attachment_type',
      'This kind of file cannot be attached',
      `Attach a PDF, JPEG, PNG or HEIC file (${ALLOWED_ATTACHMENT_TYPES.join(', ')}). The type is read from the file’s contents, not its name.`,
    );
  }
}

export class AttachmentTooLargeError extends DomainError {
  constructor() {
    super(
      413,
      'payload_too_large',
      'The file is too large',
      `A file may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`,
    );
  }
}
