package rnnlab.poll;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The addresses the poll can listen on: this computer's IPv4 addresses on networks that are up. */
public final class Interfaces {
    /** One address and the name of its network (e.g. "wlan0", "Wi-Fi"). */
    public record Choice(InetAddress address, String network, boolean loopback) {
        public String host() {
            return address.getHostAddress();
        }
    }

    private Interfaces() {
    }

    /** The loopback address (this computer only) first, then every non-loopback IPv4 address that is up. */
    public static List<Choice> list() {
        List<Choice> out = new ArrayList<>();
        out.add(new Choice(loopback(), "loopback", true));
        try {
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!n.isUp() || n.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        out.add(new Choice(a, n.getDisplayName(), false));
                    }
                }
            }
        } catch (SocketException e) {
            // no list of networks: only the loopback address can be offered
        }
        return out;
    }

    /** 127.0.0.1 (IPv4 even where Java prefers IPv6). */
    public static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
