import { RemindersRepository } from './reminders.repository.js';
import { AppointmentsRepository } from './appointments.repository.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PatientsModule } from '../patients/patients.module.js';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { Appointment, AppointmentReminder } from './appointment.entity.js';
import { AppointmentsController } from './appointments.controller.js';
import { AppointmentsService } from './appointments.service.js';
import { RemindAppointmentJob } from './remind-appointment.job.js';
import { RemindersService } from './reminders.service.js';
import { ScheduleController } from './schedule.controller.js';
import { ScheduleService } from './schedule.service.js';

/** Booking, changing and cancelling appointments; the staff schedule; reminder emails. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Appointment, AppointmentReminder]),
    SchedulingModule,
    PatientsModule,
  ],
  controllers: [AppointmentsController, ScheduleController],
  providers: [
    AppointmentsService,
    AppointmentsRepository,
    ScheduleService,
    RemindersService,
    RemindersRepository,
    RemindAppointmentJob,
  ],
  exports: [AppointmentsService],
})
export class AppointmentsModule {}
