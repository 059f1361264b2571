/**
 * The customer portal at {@code /portal}: customers sign up, sign in (password or a one-time link
 * by e-mail), follow their requests, answer the desk and open new requests with attachments. It
 * owns no data: accounts live in {@code identity}, customers in {@code customer}, requests in
 * {@code ticket}, which also decides what a customer may see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer portal")
package it.sportello.portal;
