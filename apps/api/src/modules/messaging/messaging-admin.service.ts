import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { Accessor } from '../../common/principal.js';
import { validationProblem } from '../../common/problem.filter.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { isUniqueViolation } from '../../infra/database/sql.js';
import { newId } from '../../infra/database/ids.js';
import { AuditService, type AuditAction } from '../audit/audit.service.js';
import type {
  CarePoolList,
  CarePoolView,
  CreateCarePoolRequest,
  CreateReplyTemplateRequest,
  FilledReplyTemplateList,
  MessageCategoryList,
  MessageRoutingList,
  ReplyTemplateList,
  ReplyTemplateView,
  SetMessageRoutingRequest,
  UpdateCarePoolRequest,
  UpdateReplyTemplateRequest,
} from './messaging.dto.js';
import {
  CarePoolNotFoundError,
  NameTakenError,
  ReplyTemplateNotFoundError,
} from './messaging.errors.js';
import { MessagingRepository, type PoolRow, type TemplateRow } from './messaging.repository.js';
import {
  CATEGORY_LABELS,
  fillTemplate,
  MESSAGE_CATEGORIES,
  requireId,
  type MessageCategory,
} from './messaging.rules.js';
import { MessagingService } from './messaging.service.js';

function poolView(row: PoolRow): CarePoolView {
  return {
    id: row.id,
    name: row.name,
    department: row.department,
    locationId: row.location_id,
    active: row.active,
  };
}

function templateView(row: TemplateRow): ReplyTemplateView {
  return { id: row.id, name: row.name, body: row.body, active: row.active };
}

export function answerTimeText(days: number): string {
  return `Usually answers within ${days} business day${days === 1 ? '' : 's'}`;
}

/** Care-team pools, the routing of categories to them, and reply templates (administrators). */
@Injectable()
export class MessagingAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: MessagingRepository,
    private readonly messaging: MessagingService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What a patient may write about, who reads it and the promised answer time. */
  async categories(): Promise<MessageCategoryList> {
    const routing = new Map((await this.repository.routing()).map((row) => [row.category, row]));
    return {
      items: MESSAGE_CATEGORIES.map((category) => {
        const row = routing.get(category);
        const available = !!row && row.pool_active;
        return {
          category,
          label: CATEGORY_LABELS[category],
          available,
          careTeam: available ? row.pool_name : null,
          answerWithinBusinessDays: available ? row.answer_business_days : null,
          answerTimeText: available ? answerTimeText(row.answer_business_days) : null,
        };
      }),
    };
  }

  async pools(): Promise<CarePoolList> {
    return { items: (await this.repository.pools()).map(poolView) };
  }

  async createPool(input: CreateCarePoolRequest, by: Accessor): Promise<CarePoolView> {
    const row: PoolRow = {
      id: newId(),
      name: input.name,
      department: input.department,
      location_id: input.locationId ?? null,
      active: true,
    };
    await this.writePool('care-pool.create', row, by, (manager, now) =>
      this.repository.insertPool(manager, { ...row, now }),
    );
    return poolView(row);
  }

  async updatePool(
    poolId: string,
    input: UpdateCarePoolRequest,
    by: Accessor,
  ): Promise<CarePoolView> {
    const current = await this.repository.pool(
      requireId(poolId, () => new CarePoolNotFoundError()),
    );
    if (!current) throw new CarePoolNotFoundError();
    const row: PoolRow = {
      ...current,
      name: input.name ?? current.name,
      department: input.department ?? current.department,
      location_id: input.locationId === undefined ? current.location_id : input.locationId,
      active: input.active ?? current.active,
    };
    await this.writePool('care-pool.update', row, by, (manager, now) =>
      this.repository.updatePool(manager, { ...row, now }),
    );
    return poolView(row);
  }

  private async writePool(
    action: AuditAction,
    row: PoolRow,
    by: Accessor,
    write: (manager: DataSource['manager'], now: Date) => Promise<void>,
  ): Promise<void> {
    try {
      await this.db.transaction(async (manager) => {
        await write(manager, this.clock.now());
        await this.audit.record(
          {
            action,
            outcome: 'success',
            actor: by.principal,
            resourceType: 'care_pool',
            resourceId: row.id,
            context: by.context,
          },
          manager,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, 'care_pool_name_idx')) throw new NameTakenError('pool');
      if (isForeignKeyViolation(error)) {
        throw validationProblem([{ field: 'locationId', message: 'Choose an existing location.' }]);
      }
      throw error;
    }
  }

  async routing(): Promise<MessageRoutingList> {
    const rows = new Map((await this.repository.routing()).map((row) => [row.category, row]));
    return {
      items: MESSAGE_CATEGORIES.map((category) => {
        const row = rows.get(category);
        return {
          category,
          label: CATEGORY_LABELS[category],
          pool: row
            ? poolView({
                id: row.pool_id,
                name: row.pool_name,
                department: row.pool_department,
                location_id: row.pool_location_id,
                active: row.pool_active,
              })
            : null,
          answerWithinBusinessDays: row?.answer_business_days ?? null,
        };
      }),
    };
  }

  async setRouting(
    category: MessageCategory,
    input: SetMessageRoutingRequest,
    by: Accessor,
  ): Promise<MessageRoutingList> {
    const pool = await this.repository.pool(input.poolId);
    if (!pool) throw new CarePoolNotFoundError();
    await this.db.transaction(async (manager) => {
      await this.repository.setRouting(manager, {
        category,
        poolId: input.poolId,
        days: input.answerWithinBusinessDays,
        by: by.principal.accountId,
        now: this.clock.now(),
      });
      await this.audit.record(
        {
          action: 'message-routing.update',
          outcome: 'success',
          actor: by.principal,
          resourceType: 'message_routing',
          context: by.context,
        },
        manager,
      );
    });
    return this.routing();
  }

  async templates(): Promise<ReplyTemplateList> {
    return { items: (await this.repository.templates(false)).map(templateView) };
  }

  async createTemplate(
    input: CreateReplyTemplateRequest,
    by: Accessor,
  ): Promise<ReplyTemplateView> {
    const row: TemplateRow = { id: newId(), name: input.name, body: input.body, active: true };
    await this.writeTemplate('reply-template.create', row, by, true);
    return templateView(row);
  }

  async updateTemplate(
    templateId: string,
    input: UpdateReplyTemplateRequest,
    by: Accessor,
  ): Promise<ReplyTemplateView> {
    const current = await this.repository.template(
      requireId(templateId, () => new ReplyTemplateNotFoundError()),
    );
    if (!current) throw new ReplyTemplateNotFoundError();
    const row: TemplateRow = {
      ...current,
      name: input.name ?? current.name,
      body: input.body ?? current.body,
      active: input.active ?? current.active,
    };
    await this.writeTemplate('reply-template.update', row, by, false);
    return templateView(row);
  }

  private async writeTemplate(
    action: AuditAction,
    row: TemplateRow,
    by: Accessor,
    create: boolean,
  ): Promise<void> {
    try {
      await this.db.transaction(async (manager) => {
        const stamped = { ...row, by: by.principal.accountId, now: this.clock.now() };
        if (create) await this.repository.insertTemplate(manager, stamped);
        else await this.repository.updateTemplate(manager, stamped);
        await this.audit.record(
          {
            action,
            outcome: 'success',
            actor: by.principal,
            resourceType: 'reply_template',
            resourceId: row.id,
            context: by.context,
          },
          manager,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, 'reply_template_name_idx')) throw new NameTakenError('template');
      throw error;
    }
  }

  /** The active templates, filled for this conversation and the caller (who must read it). */
  async filledTemplates(conversationId: string, by: Accessor): Promise<FilledReplyTemplateList> {
    const conversation = await this.messaging.staffRow(conversationId, by);
    const staffName = await this.repository.displayName(by.principal.accountId);
    const templates = await this.repository.templates(true);
    await this.audit.record({
      action: 'conversation.read',
      outcome: 'success',
      actor: by.principal,
      patientId: conversation.patient_id,
      resourceType: 'conversation',
      resourceId: conversation.id,
      context: by.context,
    });
    const values = {
      patientFirstName: conversation.preferred_name ?? conversation.given_name,
      staffName,
      clinicName: this.config.clinicName,
      poolName: conversation.pool_name,
    };
    return {
      items: templates.map((template) => ({
        id: template.id,
        name: template.name,
        text: fillTemplate(template.body, values),
      })),
    };
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  return (error as { driverError?: { code?: string } })?.driverError?.code === '23503';
}
