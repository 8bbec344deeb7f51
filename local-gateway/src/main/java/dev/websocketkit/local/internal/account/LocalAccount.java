// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.account;

/** The made-up account, region and credentials of everything the gateway runs. */
public final class LocalAccount {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "123456789012";
    public static final String PARTITION = "aws";
    public static final String URL_SUFFIX = "amazonaws.com";
    /** The access key id the functions sign with; the local Management API accepts no other. */
    public static final String ACCESS_KEY_ID = "AKIDLOCALGATEWAY";
    public static final String SECRET_ACCESS_KEY = "local-gateway-secret";

    private LocalAccount() {
    }
}
