// SMS goes through a provider adapter (issue 16): one message to one mobile number from a pre-approved template,
// as Chinese SMS providers require. 阿里云短信 is implemented (aliyun-sms.provider.ts); another provider (腾讯云短信)
// implements this interface and is chosen by SMS_PROVIDER.

export interface SmsRequest {
  /** 11-digit mainland mobile number. */
  phone: string;
  /** The template's variables. */
  params: Record<string, string>;
  /** Our id of the message (the notification's), returned in the provider's receipts. */
  outId: string;
}

export interface SmsProvider {
  readonly name: string;
  /** Sends or throws: PermanentDeliveryError when the provider refused it for good, any other error to retry. */
  send(request: SmsRequest): Promise<void>;
}
