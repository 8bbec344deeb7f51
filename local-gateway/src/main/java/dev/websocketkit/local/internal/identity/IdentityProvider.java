// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.identity;

/** A real identity provider whose tokens the template's authorizer should accept instead of the development one's. */
public record IdentityProvider(String jwksUrl, String issuer, String audience) {
}
