import { Init1764230400000 } from './1764230400000-Init.js';
import { Identity1764230500000 } from './1764230500000-Identity.js';
import { Invitations1764230600000 } from './1764230600000-Invitations.js';
import { SecondFactors1764230700000 } from './1764230700000-SecondFactors.js';
import { AccountEmail1764230800000 } from './1764230800000-AccountEmail.js';
import { Scheduling1764230900000 } from './1764230900000-Scheduling.js';
import { HealthRecords1764231000000 } from './1764231000000-HealthRecords.js';
import { AuditChain1764231100000 } from './1764231100000-AuditChain.js';
import { SealedSecrets1764231200000 } from './1764231200000-SealedSecrets.js';
import { Medications1764231300000 } from './1764231300000-Medications.js';
import { CareRelationship1764231500000 } from './1764231500000-CareRelationship.js';
import { Messaging1764232000000 } from './1764232000000-Messaging.js';
import { Refills1764232100000 } from './1764232100000-Refills.js';
import { Billing1764234000000 } from './1764234000000-Billing.js';

/** Every migration, in order. New ones are appended here. */
export const MIGRATIONS = [
  Init1764230400000,
  Identity1764230500000,
  Invitations1764230600000,
  SecondFactors1764230700000,
  AccountEmail1764230800000,
  Scheduling1764230900000,
  HealthRecords1764231000000,
  AuditChain1764231100000,
  SealedSecrets1764231200000,
  Medications1764231300000,
  CareRelationship1764231500000,
  Messaging1764232000000,
  Refills1764232100000,
  Billing1764234000000,
];
