import { CLINIC_SETTINGS_PATH } from '../../../lib/paths';

/** Clinic settings' own pages: one tab per list, and a form page per entry. */
export const CLINIC_LOCATIONS_PATH = CLINIC_SETTINGS_PATH;
export const CLINIC_PROVIDERS_PATH = `${CLINIC_SETTINGS_PATH}/providers`;
export const CLINIC_VISIT_TYPES_PATH = `${CLINIC_SETTINGS_PATH}/visit-types`;
export const CLINIC_CARE_POOLS_PATH = `${CLINIC_SETTINGS_PATH}/care-pools`;
export const CLINIC_MESSAGE_ROUTING_PATH = `${CLINIC_SETTINGS_PATH}/message-routing`;
export const CLINIC_REPLY_TEMPLATES_PATH = `${CLINIC_SETTINGS_PATH}/reply-templates`;
export const NEW_LOCATION_PATH = `${CLINIC_SETTINGS_PATH}/locations/new`;
export const NEW_PROVIDER_PATH = `${CLINIC_SETTINGS_PATH}/providers/new`;
export const NEW_VISIT_TYPE_PATH = `${CLINIC_SETTINGS_PATH}/visit-types/new`;
export const NEW_CARE_POOL_PATH = `${CLINIC_CARE_POOLS_PATH}/new`;
export const NEW_REPLY_TEMPLATE_PATH = `${CLINIC_REPLY_TEMPLATES_PATH}/new`;

export function editLocationPath(id: string): string {
  return `${CLINIC_SETTINGS_PATH}/locations/${encodeURIComponent(id)}`;
}

export function editProviderPath(id: string): string {
  return `${CLINIC_SETTINGS_PATH}/providers/${encodeURIComponent(id)}`;
}

export function editVisitTypePath(id: string): string {
  return `${CLINIC_SETTINGS_PATH}/visit-types/${encodeURIComponent(id)}`;
}

export function editCarePoolPath(id: string): string {
  return `${CLINIC_CARE_POOLS_PATH}/${encodeURIComponent(id)}`;
}

export function editReplyTemplatePath(id: string): string {
  return `${CLINIC_REPLY_TEMPLATES_PATH}/${encodeURIComponent(id)}`;
}
