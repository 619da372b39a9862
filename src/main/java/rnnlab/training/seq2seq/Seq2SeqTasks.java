package rnnlab.training.seq2seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import rnnlab.catalog.TaskRegistry;

/** Builds the encoder–decoder tasks by name (declared in {@link TaskRegistry#SEQ2SEQ}). */
public final class Seq2SeqTasks {
    private Seq2SeqTasks() {
    }

    public static boolean has(String name) {
        return TaskRegistry.findSeq2Seq(name) != null;
    }

    /** The task called {@code name} with input length {@code length} (≤ 0: its default). */
    public static Seq2SeqTask create(String name, int length) {
        TaskRegistry.Task t = TaskRegistry.findSeq2Seq(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown encoder–decoder task '" + name + "': expected one of "
                    + TaskRegistry.listSeq2Seq());
        }
        int n = length > 0 ? length : t.defaultLength();
        return switch (t.name()) {
            case "s2s-reverse" -> new Digits(t.name(), n, Digits.Op.REVERSE);
            case "s2s-copy" -> new Digits(t.name(), n, Digits.Op.COPY);
            case "sort" -> new Digits(t.name(), n, Digits.Op.SORT);
            case "dates" -> new Dates();
            case "numbers" -> new Numbers();
            default -> throw new IllegalStateException(t.name());
        };
    }

    static List<String> target(List<String> symbols) {
        List<String> v = new ArrayList<>();
        v.add(Seq2SeqTask.START);
        v.add(Seq2SeqTask.END);
        v.addAll(symbols);
        return List.copyOf(v);
    }

    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** Ten digits in, the same digits copied, reversed or sorted out. */
    static final class Digits implements Seq2SeqTask {
        enum Op { COPY, REVERSE, SORT }

        private final String name;
        private final int length;
        private final Op op;

        Digits(String name, int length, Op op) {
            this.name = name;
            this.length = length;
            this.op = op;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String teaches() {
            return switch (op) {
                case COPY -> "the encoder must squeeze every digit into what the decoder sees, then write them back in order";
                case REVERSE -> "the decoder writes the input backwards: the last input read is the first needed";
                case SORT -> "the output depends on the whole input at once, not on any single position";
            };
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public List<String> sourceVocab() {
            return DIGITS;
        }

        @Override
        public List<String> targetVocab() {
            return target(DIGITS);
        }

        @Override
        public Pair sample(Random r) {
            int[] s = new int[length];
            for (int i = 0; i < length; i++) {
                s[i] = r.nextInt(10);
            }
            int[] t = new int[length];
            for (int i = 0; i < length; i++) {
                t[i] = op == Op.REVERSE ? s[length - 1 - i] : s[i];
            }
            if (op == Op.SORT) {
                Arrays.sort(t);
            }
            for (int i = 0; i < length; i++) {
                t[i] += 2;
            }
            return new Pair(s, t);
        }

        @Override
        public int maxTarget() {
            return length;
        }
    }

    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    /**
     * Free-form dates ("5 March 2021", "March 5, 2021", "05/03/21" day first, "5 Mar 2021") to ISO
     * "2021-03-05"; years 1950–2049 (two-digit years: 50–99 → 19xx, 00–49 → 20xx), characters in and out.
     */
    static final class Dates implements Seq2SeqTask {
        private final List<String> src;
        private static final List<String> TGT = target(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-"));

        Dates() {
            Set<String> chars = new LinkedHashSet<>(DIGITS);
            chars.add(" ");
            chars.add(",");
            chars.add("/");
            for (String m : MONTHS) {
                for (char c : m.toCharArray()) {
                    chars.add(String.valueOf(c));
                }
            }
            src = List.copyOf(chars);
        }

        @Override
        public String name() {
            return "dates";
        }

        @Override
        public String teaches() {
            return "each output digit comes from one place in the input, which moves with the format: attention finds it";
        }

        @Override
        public int length() {
            return 18;
        }

        @Override
        public List<String> sourceVocab() {
            return src;
        }

        @Override
        public List<String> targetVocab() {
            return TGT;
        }

        @Override
        public Pair sample(Random r) {
            int year = 1950 + r.nextInt(100);
            int month = 1 + r.nextInt(12);
            int day = 1 + r.nextInt(java.time.YearMonth.of(year, month).lengthOfMonth());
            String m = MONTHS[month - 1];
            String text = switch (r.nextInt(4)) {
                case 0 -> day + " " + m + " " + year;
                case 1 -> m + " " + day + ", " + year;
                case 2 -> String.format(java.util.Locale.ROOT, "%02d/%02d/%02d", day, month, year % 100);
                default -> day + " " + m.substring(0, 3) + " " + year;
            };
            String iso = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", year, month, day);
            return new Pair(chars(text, src), chars(iso, TGT));
        }

        @Override
        public int maxTarget() {
            return 10;
        }
    }

    static int[] chars(String text, List<String> vocab) {
        int[] out = new int[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = vocab.indexOf(String.valueOf(text.charAt(i)));
            if (out[i] < 0) {
                throw new IllegalStateException("no symbol for '" + text.charAt(i) + "'");
            }
        }
        return out;
    }

    static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    static final String ZH_DIGITS = "零一二三四五六七八九";

    /** English number words 1–9999 ("one hundred twenty three", no "and") to Chinese numerals ("一百二十三"). */
    static final class Numbers implements Seq2SeqTask {
        private static final List<String> SRC;
        private static final List<String> TGT = target(List.of("零", "一", "二", "三", "四", "五", "六", "七", "八", "九",
                "十", "百", "千"));

        static {
            List<String> w = new ArrayList<>(Arrays.asList(ONES).subList(1, ONES.length));
            w.addAll(Arrays.asList(TENS).subList(2, TENS.length));
            w.add("hundred");
            w.add("thousand");
            SRC = List.copyOf(w);
        }

        @Override
        public String name() {
            return "numbers";
        }

        @Override
        public String teaches() {
            return "English and Chinese say a number in a different order of words: the decoder looks back at the right word";
        }

        @Override
        public int length() {
            return 8;
        }

        @Override
        public List<String> sourceVocab() {
            return SRC;
        }

        @Override
        public List<String> targetVocab() {
            return TGT;
        }

        @Override
        public boolean sourceWords() {
            return true;
        }

        @Override
        public Pair sample(Random r) {
            int n = 1 + r.nextInt(9999);
            String[] words = english(n).split(" ");
            int[] s = new int[words.length];
            for (int i = 0; i < words.length; i++) {
                s[i] = SRC.indexOf(words[i]);
            }
            return new Pair(s, chars(chinese(n), TGT));
        }

        @Override
        public int maxTarget() {
            return 7;
        }
    }

    /** 1–9999 in English words, without "and": 123 → "one hundred twenty three". */
    static String english(int n) {
        List<String> w = new ArrayList<>();
        if (n >= 1000) {
            w.add(ONES[n / 1000]);
            w.add("thousand");
            n %= 1000;
        }
        if (n >= 100) {
            w.add(ONES[n / 100]);
            w.add("hundred");
            n %= 100;
        }
        if (n >= 20) {
            w.add(TENS[n / 10]);
            n %= 10;
        }
        if (n > 0) {
            w.add(ONES[n]);
        }
        return String.join(" ", w);
    }

    /** 1–9999 in Chinese numerals: 123 → 一百二十三, 105 → 一百零五, 1050 → 一千零五十, 10–19 → 十…, 2000 → 二千. */
    static String chinese(int n) {
        int[] d = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
        String[] units = {"千", "百", "十", ""};
        StringBuilder sb = new StringBuilder();
        boolean started = false;
        boolean zero = false;
        for (int i = 0; i < 4; i++) {
            if (d[i] == 0) {
                zero |= started;
                continue;
            }
            if (zero) {
                sb.append('零');
                zero = false;
            }
            if (!(i == 2 && d[i] == 1 && !started)) {
                sb.append(ZH_DIGITS.charAt(d[i]));
            }
            sb.append(units[i]);
            started = true;
        }
        return sb.toString();
    }
}
