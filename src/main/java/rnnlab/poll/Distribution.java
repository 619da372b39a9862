package rnnlab.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * How the class answered one question, round by round, in the same categories for every round (so two
 * rounds can stand side by side): the options of a choice, or for a number the distinct values (up to
 * {@link #MAX_BARS}) or else equal ranges between the smallest and largest answer.
 *
 * @param labels the categories (option labels in one language, values or ranges)
 * @param counts counts[round][category]
 */
public record Distribution(List<String> labels, List<int[]> counts) {
    /** The most bars a number question is drawn with. */
    public static final int MAX_BARS = 8;

    public Distribution {
        labels = List.copyOf(labels);
        counts = List.copyOf(counts);
    }

    /** The answers counted in a round. */
    public int total(int round) {
        int n = 0;
        for (int c : counts.get(round)) {
            n += c;
        }
        return n;
    }

    /** The category with the most answers in a round (the first of equals), or -1 when none. */
    public int mode(int round) {
        int best = -1;
        int[] c = counts.get(round);
        for (int i = 0; i < c.length; i++) {
            if (c[i] > 0 && (best < 0 || c[i] > c[best])) {
                best = i;
            }
        }
        return best;
    }

    /** A choice question: one bar per option. */
    static Distribution ofChoices(List<String> labels, List<List<String>> rounds) {
        List<int[]> counts = new ArrayList<>();
        for (List<String> answers : rounds) {
            int[] c = new int[labels.size()];
            for (String a : answers) {
                int i = Integer.parseInt(a);
                if (i >= 0 && i < c.length) {
                    c[i]++;
                }
            }
            counts.add(c);
        }
        return new Distribution(labels, counts);
    }

    /** A number question: the distinct values, or equal ranges when there are more than {@link #MAX_BARS}. */
    static Distribution ofNumbers(List<List<String>> rounds) {
        TreeMap<Double, String> distinct = new TreeMap<>();
        for (List<String> answers : rounds) {
            for (String a : answers) {
                double v = Double.parseDouble(a);
                distinct.putIfAbsent(v, PollQuestion.number(v));
            }
        }
        List<String> labels = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        if (distinct.size() <= MAX_BARS) {
            List<Double> values = new ArrayList<>(distinct.keySet());
            distinct.values().forEach(labels::add);
            for (List<String> answers : rounds) {
                int[] c = new int[values.size()];
                for (String a : answers) {
                    c[values.indexOf(Double.parseDouble(a))]++;
                }
                counts.add(c);
            }
            return new Distribution(labels, counts);
        }
        double lo = distinct.firstKey();
        double hi = distinct.lastKey();
        double width = (hi - lo) / MAX_BARS;
        for (int b = 0; b < MAX_BARS; b++) {
            labels.add(PollQuestion.number(lo + b * width) + " \u2013 " + PollQuestion.number(lo + (b + 1) * width));
        }
        for (List<String> answers : rounds) {
            int[] c = new int[MAX_BARS];
            for (String a : answers) {
                int b = (int) ((Double.parseDouble(a) - lo) / width);
                c[Math.max(0, Math.min(MAX_BARS - 1, b))]++;
            }
            counts.add(c);
        }
        return new Distribution(labels, counts);
    }
}
