// The notification delivery workflow's type name and id (issue 16). It has no updates or queries: what it did is in
// the delivery log (notification_deliveries), written by its activities.

export const NOTIFICATION_DELIVERY_WORKFLOW_TYPE = 'notificationDeliveryWorkflow';

/** Business key: one delivery per notification, started once through the workflow outbox. */
export function notificationDeliveryWorkflowId(notificationId: string): string {
  return `notification-delivery-${notificationId}`;
}
