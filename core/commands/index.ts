import { createAccount, updateAccount } from './accounts';
import { approveRefund, cancelSubscription, rejectRefund } from './cancellations';
import { changeTariff } from './changeTariff';
import { closeAccount } from './closeAccount';
import { approveCompensation, approveIncidentCompensations, proposeCompensations, rejectCompensation } from './compensations';
import { closeIncident, recordIncident } from './incidents';
import { recordPayment } from './payments';
import { changeOwnPassword, changeStaffRole, createFirstAdmin, createStaffUser, resetStaffPassword, setStaffActive, updateSecuritySettings } from './staff';
import { activateSubscription, createSubscription, renewSubscription } from './subscriptions';
import { assignTicket, closeTicket, openTicket, reopenTicket, resolveTicket, respondToTicket, resumeTicket, waitForClient } from './tickets';
import { removeCalendarYear, saveCalendarYear } from './calendar';
import { grantEdoAccess, recordEdoActDecision, recordEdoUsage, sendEdoAct } from './edo';
import { correctDocument, issueAct, issueInvoice, issueReconciliationAct } from './documents';
import { saveProviderRequisites } from './requisites';
import { setBackupPassword } from '../backup';

/**
 * Every business command, by the name the Store exposes it under. Adding a
 * command is one file with its defineCommand() and one line here: the Store
 * method, its input and result types follow (core/store.ts). Long runs made
 * of many commands (runRenewals) are jobs (core/jobs.ts).
 */
export const COMMANDS = {
  createAccount,
  updateAccount,
  recordPayment,
  createSubscription,
  activateSubscription,
  renewSubscription,
  changeTariff,
  cancelSubscription,
  approveRefund,
  rejectRefund,
  closeAccount,
  recordIncident,
  closeIncident,
  proposeCompensations,
  approveCompensation,
  rejectCompensation,
  approveIncidentCompensations,
  createFirstAdmin,
  createStaffUser,
  changeStaffRole,
  setStaffActive,
  resetStaffPassword,
  changeOwnPassword,
  updateSecuritySettings,
  openTicket,
  assignTicket,
  respondToTicket,
  waitForClient,
  resumeTicket,
  resolveTicket,
  closeTicket,
  reopenTicket,
  saveCalendarYear,
  removeCalendarYear,
  grantEdoAccess,
  sendEdoAct,
  recordEdoActDecision,
  recordEdoUsage,
  saveProviderRequisites,
  issueInvoice,
  issueAct,
  issueReconciliationAct,
  correctDocument,
  setBackupPassword,
} as const;

export type Commands = typeof COMMANDS;
export type CommandName = keyof Commands;
