package rnnlab.training.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import rnnlab.catalog.TaskRegistry;

class Seq2SeqTasksTest {
    @Test
    void chineseNumeralsFollowTheRules() {
        assertEquals("一百二十三", Seq2SeqTasks.chinese(123));
        assertEquals("一百零五", Seq2SeqTasks.chinese(105));
        assertEquals("一千零五十", Seq2SeqTasks.chinese(1050));
        assertEquals("一千零五", Seq2SeqTasks.chinese(1005));
        assertEquals("十", Seq2SeqTasks.chinese(10));
        assertEquals("十七", Seq2SeqTasks.chinese(17));
        assertEquals("一百一十", Seq2SeqTasks.chinese(110));
        assertEquals("九千九百九十九", Seq2SeqTasks.chinese(9999));
        assertEquals("二千", Seq2SeqTasks.chinese(2000));
        assertEquals("one hundred twenty three", Seq2SeqTasks.english(123));
        assertEquals("seven thousand eleven", Seq2SeqTasks.english(7011));
    }

    @Test
    void everyTaskIsSeededAndWellFormed() {
        for (String name : TaskRegistry.SEQ2SEQ_NAMES) {
            Seq2SeqTask t = Seq2SeqTasks.create(name, 0);
            assertEquals(Seq2SeqTask.START, t.targetVocab().get(0));
            assertEquals(Seq2SeqTask.END, t.targetVocab().get(1));
            Random a = new Random(5);
            Random b = new Random(5);
            Random c = new Random(6);
            boolean differs = false;
            for (int i = 0; i < 200; i++) {
                Seq2SeqTask.Pair p = t.sample(a);
                Seq2SeqTask.Pair q = t.sample(b);
                assertArrayEquals(p.source(), q.source(), name);
                assertArrayEquals(p.target(), q.target(), name);
                differs |= !java.util.Arrays.equals(p.source(), t.sample(c).source());
                assertTrue(p.target().length <= t.maxTarget(), name);
                for (int x : p.source()) {
                    assertTrue(x >= 0 && x < t.sourceVocab().size(), name);
                }
                for (int y : p.target()) {
                    assertTrue(y >= 2 && y < t.targetVocab().size(), name);
                }
            }
            assertTrue(differs, name + ": another seed gives other data");
        }
        assertThrows(IllegalArgumentException.class, () -> Seq2SeqTasks.create("parity", 0));
    }

    @Test
    void targetsAreWhatTheTaskSays() {
        Seq2SeqTask rev = Seq2SeqTasks.create("s2s-reverse", 5);
        Seq2SeqTask.Pair p = rev.sample(new Random(1));
        for (int i = 0; i < 5; i++) {
            assertEquals(p.source()[4 - i] + 2, p.target()[i]);
        }
        Seq2SeqTask sort = Seq2SeqTasks.create("sort", 6);
        Seq2SeqTask.Pair s = sort.sample(new Random(2));
        for (int i = 1; i < 6; i++) {
            assertTrue(s.target()[i - 1] <= s.target()[i]);
        }
        Seq2SeqTask dates = Seq2SeqTasks.create("dates", 0);
        Random r = new Random(3);
        java.util.Set<String> shapes = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            Seq2SeqTask.Pair d = dates.sample(r);
            String in = dates.show(dates.sourceVocab(), d.source(), false);
            String out = dates.show(dates.targetVocab(), d.target(), false);
            assertTrue(out.matches("(19[5-9]\\d|20[0-4]\\d)-\\d\\d-\\d\\d"), out);
            shapes.add(in.replaceAll("\\d", "9").replaceAll("[A-Za-z]+", "M"));
            if (in.matches("\\d\\d/\\d\\d/\\d\\d")) {
                assertEquals(in.substring(0, 2), out.substring(8));
                assertEquals(in.substring(3, 5), out.substring(5, 7));
                assertEquals(in.substring(6), out.substring(2, 4));
            }
        }
        assertTrue(shapes.size() >= 4, shapes.toString());
        Seq2SeqTask num = Seq2SeqTasks.create("numbers", 0);
        Seq2SeqTask.Pair n = num.sample(new Random(4));
        assertNotEquals(0, n.source().length);
    }
}
