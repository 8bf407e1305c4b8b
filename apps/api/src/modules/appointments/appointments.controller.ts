import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import { INVALID_BODY, INVALID_QUERY, Operation } from '../../common/operation.decorator.js';
import {
  AppointmentPage,
  AppointmentView,
  BookAppointmentRequest,
  CancelAppointmentRequest,
  ListAppointmentsQuery,
  RescheduleAppointmentRequest,
  SetAppointmentStatusRequest,
} from './appointments.dto.js';
import { AppointmentsService } from './appointments.service.js';

const NO_APPOINTMENT = 'No such appointment for this patient';
const STALE = 'appointment_changed: stale version';

/** A patient's appointments: the patient themself, and staff by role. */
@ApiTags('appointments')
@Controller('v1/patients/:patientId/appointments')
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Get()
  @Operation({
    id: 'listPatientAppointments',
    summary: 'A patient’s appointments, upcoming or past',
    description:
      'upcoming: booked or arrived and not yet ended, earliest first. past: everything else ' +
      '(ended, completed, missed, cancelled), latest first. Staff also see each reminder’s ' +
      'state. Patients read their own; staff roles: front-desk, nurse, provider, admin.',
    permit: 'appointments:read',
    patientScoped: true,
    returns: AppointmentPage,
    problems: { 400: INVALID_QUERY },
  })
  list(
    @CurrentPatient() scope: PatientScope,
    @Query() query: ListAppointmentsQuery,
  ): Promise<AppointmentPage> {
    return this.appointments.list(scope.patientId, query, scope.caller);
  }

  @Post()
  @Operation({
    id: 'bookAppointment',
    summary: 'Book an appointment',
    description:
      'Takes one of the open times (see findOpenSlots). The end follows from the visit type. ' +
      'Patients book for themselves within the booking horizon, only visit types offered ' +
      'online and for them (new or returning), and up to a number of upcoming online bookings. ' +
      'Staff (front-desk, admin) may book any visit type beyond the horizon. Nobody books a ' +
      'time in the past, outside the provider’s hours, or overlapping the patient’s other ' +
      'appointments. A confirmation email goes to the patient.',
    permit: 'appointments:book',
    patientScoped: true,
    status: 201,
    returns: AppointmentView,
    problems: {
      400: INVALID_BODY,
      409: 'slot_taken: someone else has that time',
      422:
        'A booking rule refused it: in_past, beyond_horizon, outside_hours, too_many_bookings, ' +
        'overlaps_own_appointment, not_bookable_online, provider_does_not_offer_visit_type, ' +
        'new_patients_only, established_patients_only, or an unknown or inactive provider, ' +
        'location or visit type',
    },
  })
  book(
    @CurrentPatient() scope: PatientScope,
    @Body() body: BookAppointmentRequest,
  ): Promise<AppointmentView> {
    return this.appointments.book(
      scope.patientId,
      {
        visitTypeId: body.visitTypeId,
        providerId: body.providerId,
        locationId: body.locationId,
        startsAt: new Date(body.startsAt),
        reason: body.reason ?? null,
      },
      scope.caller,
    );
  }

  @Get(':appointmentId')
  @Operation({
    id: 'getAppointment',
    summary: 'One appointment',
    description: 'Patients read their own; staff roles: front-desk, nurse, provider, admin.',
    permit: 'appointments:read',
    patientScoped: true,
    returns: AppointmentView,
    uuidParams: ['appointmentId'],
    problems: { 404: NO_APPOINTMENT },
  })
  get(
    @CurrentPatient() scope: PatientScope,
    @Param('appointmentId') appointmentId: string,
  ): Promise<AppointmentView> {
    return this.appointments.get(scope.patientId, appointmentId, scope.caller);
  }

  @Post(':appointmentId/reschedule')
  @Operation({
    id: 'rescheduleAppointment',
    summary: 'Move an appointment to another time',
    description:
      'Same appointment (same id), new time, optionally another provider or location; the ' +
      'visit type stays. The new time is taken and the old one released in one step, or ' +
      'nothing changes. Patients may do it online until the cancellation cutoff before the ' +
      'current start; staff (front-desk, admin) at any time. Send the version you loaded.',
    permit: 'appointments:book',
    patientScoped: true,
    status: 200,
    returns: AppointmentView,
    uuidParams: ['appointmentId'],
    problems: {
      400: INVALID_BODY,
      404: NO_APPOINTMENT,
      409: 'slot_taken (the new time is taken) or appointment_changed (stale version)',
      422: 'inside_cutoff, not_cancellable, or a booking rule refused the new time',
    },
  })
  reschedule(
    @CurrentPatient() scope: PatientScope,
    @Param('appointmentId') appointmentId: string,
    @Body() body: RescheduleAppointmentRequest,
  ): Promise<AppointmentView> {
    return this.appointments.reschedule(
      scope.patientId,
      appointmentId,
      {
        version: body.version,
        startsAt: new Date(body.startsAt),
        providerId: body.providerId,
        locationId: body.locationId,
      },
      scope.caller,
    );
  }

  @Post(':appointmentId/cancel')
  @Operation({
    id: 'cancelAppointment',
    summary: 'Cancel an appointment',
    description:
      'Patients may cancel online until the cancellation cutoff before the start; later, the ' +
      'answer says which number to call. Staff (front-desk, admin) may cancel at any time. ' +
      'The time becomes free at once; the patient gets an email.',
    permit: 'appointments:book',
    patientScoped: true,
    status: 200,
    returns: AppointmentView,
    uuidParams: ['appointmentId'],
    problems: {
      400: INVALID_BODY,
      404: NO_APPOINTMENT,
      409: STALE,
      422: 'inside_cutoff, or not_cancellable (already cancelled, completed or missed)',
    },
  })
  cancel(
    @CurrentPatient() scope: PatientScope,
    @Param('appointmentId') appointmentId: string,
    @Body() body: CancelAppointmentRequest,
  ): Promise<AppointmentView> {
    return this.appointments.cancel(
      scope.patientId,
      appointmentId,
      { version: body.version, reason: body.reason },
      scope.caller,
    );
  }

  @Post(':appointmentId/status')
  @Operation({
    id: 'setAppointmentStatus',
    summary: 'Mark arrival, completion or a missed visit',
    description:
      'arrived (on the day), completed or no-show (once the start time has come); booked ' +
      'undoes a mark. Roles: front-desk, nurse, provider, admin.',
    permit: 'appointments:track',
    patientScoped: true,
    status: 200,
    returns: AppointmentView,
    uuidParams: ['appointmentId'],
    problems: {
      400: INVALID_BODY,
      404: NO_APPOINTMENT,
      409: STALE,
      422: 'status_not_allowed: the mark does not fit the appointment now',
    },
  })
  setStatus(
    @CurrentPatient() scope: PatientScope,
    @Param('appointmentId') appointmentId: string,
    @Body() body: SetAppointmentStatusRequest,
  ): Promise<AppointmentView> {
    return this.appointments.setStatus(
      scope.patientId,
      appointmentId,
      { version: body.version, status: body.status },
      scope.caller,
    );
  }

  @Get(':appointmentId/calendar.ics')
  @Operation({
    id: 'downloadAppointmentCalendar',
    summary: 'The appointment as a calendar file (.ics)',
    description:
      'One iCalendar event: when (in UTC), where, and a link to the portal. It never holds ' +
      'the reason for the visit. Cancelled appointments come as a cancelled event. Patients ' +
      'read their own; staff roles: front-desk, nurse, provider, admin.',
    permit: 'appointments:read',
    patientScoped: true,
    returns: { media: { 'text/calendar': { type: 'string', maxLength: 20000 } } },
    returnsDescription: 'An iCalendar (RFC 5545) file, offered as a download named appointment.ics',
    uuidParams: ['appointmentId'],
    problems: { 404: NO_APPOINTMENT },
  })
  async calendar(
    @CurrentPatient() scope: PatientScope,
    @Param('appointmentId') appointmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const text = await this.appointments.calendar(scope.patientId, appointmentId, scope.caller);
    // A string with its own content type: Fastify sends it as it is, not as JSON.
    void reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="appointment.ics"');
    return text;
  }
}
