package com.example.messaging;

/**
 * Text from outside made safe to print in a log line or a reply: no control or formatting character
 * (a newline would forge a log line, a bidi override disguise one), no unpaired surrogate, not too long.
 */
public final class UntrustedText {

    /** Enough to recognise a value; what a log line or an error reply shows at most. */
    public static final int SHOWN_LENGTH = 64;

    private UntrustedText() {
    }

    /** The text with every unsafe character replaced, cut to {@link #SHOWN_LENGTH} characters. */
    public static String printable(String text) {
        StringBuilder printable = new StringBuilder();
        text.codePoints().limit(SHOWN_LENGTH).forEach(codePoint ->
                printable.appendCodePoint(isSafe(codePoint) ? codePoint : '?'));
        if (text.codePointCount(0, text.length()) > SHOWN_LENGTH) {
            printable.append('…');
        }
        return printable.toString();
    }

    /** Whether the text holds a UTF-16 surrogate without its pair: not Unicode text (a loop: no stream classes at cold start). */
    public static boolean hasUnpairedSurrogate(String text) {
        for (int index = 0; index < text.length(); index = text.offsetByCodePoints(index, 1)) {
            if (Character.getType(text.codePointAt(index)) == Character.SURROGATE) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSafe(int codePoint) {
        int type = Character.getType(codePoint);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }
}
