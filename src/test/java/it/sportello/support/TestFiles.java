package it.sportello.support;

import java.nio.charset.StandardCharsets;

/** Files tests upload or mail that a desk must refuse. */
public final class TestFiles {

    private TestFiles() {}

    /** The start of a Windows PE executable: "MZ", a DOS stub and, where offset 0x3C points, "PE\0\0". */
    public static byte[] windowsExecutable() {
        byte[] exe = new byte[1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4e, stub.length);
        return exe;
    }
}
