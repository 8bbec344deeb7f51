package com.example.aws;

/** The variables Lambda gives the function: its own from template.yaml, and Lambda's (region, credentials). */
public final class Environment {

    private Environment() {
    }

    /** The variable's value; fails naming the variable when it is missing or blank. */
    public static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set");
        }
        return value;
    }
}
