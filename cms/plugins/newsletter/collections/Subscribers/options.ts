export const subscriberStatuses = ['pending', 'confirmed', 'unsubscribed', 'suspended'] as const
export const frequencies = ['immediately', 'daily', 'weekly'] as const
