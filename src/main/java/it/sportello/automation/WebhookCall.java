package it.sportello.automation;

import java.io.Serializable;

/** One webhook delivery waiting on the scheduler: where, signed with what, and the exact JSON sent every attempt. */
record WebhookCall(String deliveryId, String url, String secret, String body) implements Serializable {}
