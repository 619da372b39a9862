package rnnlab.poll;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (a device token, an address): each key may make {@code burst} requests at once and
 * {@code perSecond} a second after that. At most {@code maxKeys} keys are remembered (the longest unused
 * goes first), so a flood of made-up keys cannot grow the memory.
 */
final class RateLimiter {
    private final double burst;
    private final double perSecond;
    private final int maxKeys;
    private final LongSupplier nanos;
    private final Map<String, double[]> buckets;

    RateLimiter(double burst, double perSecond, int maxKeys, LongSupplier nanos) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.maxKeys = maxKeys;
        this.nanos = nanos;
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> e) {
                return size() > RateLimiter.this.maxKeys;
            }
        };
    }

    /** Takes one request from the key's bucket; false when it is empty (the request is refused). */
    synchronized boolean allow(String key) {
        long now = nanos.getAsLong();
        double[] b = buckets.get(key);
        if (b == null) {
            b = new double[] {burst, now};
            buckets.put(key, b);
        } else {
            b[0] = Math.min(burst, b[0] + (now - (long) b[1]) / 1e9 * perSecond);
            b[1] = now;
        }
        if (b[0] >= 1) {
            b[0] -= 1;
            return true;
        }
        return false;
    }
}
