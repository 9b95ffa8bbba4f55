package dev.metastudio.emulator.callback;

import java.net.InetAddress;

/** One IP literal or CIDR block of the allow-list; a plain address is a block of its full length. */
record AddressRange(byte[] network, int prefixLength, String text) {

    /** {@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}, {@code 192.168.1.7}; {@code IllegalArgumentException} if malformed. */
    static AddressRange parse(String text) {
        int slash = text.indexOf('/');
        InetAddress address = IpLiterals.parse(slash < 0 ? text : text.substring(0, slash));
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + text + "' has an invalid prefix length (0 to " + bits + ")");
            }
        }
        return new AddressRange(address.getAddress(), prefix, text);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int restBits = prefixLength % 8;
        if (restBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - restBits)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
