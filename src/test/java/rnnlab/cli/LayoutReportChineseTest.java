package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 19: {@code lessons check --layout --lang zh} gives its findings and warnings in Chinese. */
class LayoutReportChineseTest {
    @Test
    void everyKindOfFindingIsTranslated() {
        assertThat(LayoutReport.finding("view belt: label \"Cell-state conveyor belt\" cut with an ellipsis"))
                .isEqualTo("视图 belt：标签“Cell-state conveyor belt”被省略号截断");
        assertThat(LayoutReport.finding("lesson panel: label \"Predict the number, then check\" outside the window"))
                .isEqualTo("课程面板：标签“Predict the number, then check”超出窗口");
        assertThat(LayoutReport.finding("view lstm: label \"f\" clipped by #lstm-tile"))
                .isEqualTo("视图 lstm：标签“f”被 #lstm-tile 裁掉一部分");
        assertThat(LayoutReport.finding("#lesson-title: label \"a\" overlaps \"b\""))
                .isEqualTo("#lesson-title：标签“a”与“b”重叠");
        assertThat(LayoutReport.finding("view timeline: label \"t = 3\" too small (8.0 px, under 10)"))
                .isEqualTo("视图 timeline：标签“t = 3”字太小（8.0 像素，不到 10 像素）");
        assertThat(LayoutReport.finding("view output: label \"most likely\" drawn over graphics"))
                .isEqualTo("视图 output：标签“most likely”画在图形上");
        assertThat(LayoutReport.finding("view unrolled: label \"W_hh\" clipped by the canvas"))
                .isEqualTo("视图 unrolled：标签“W_hh”被 画布 裁掉一部分");
        assertThat(LayoutReport.finding("something else")).isEqualTo("something else");
    }

    @Test
    void theFitWarningSaysWhoScrollsAndWhy() {
        assertThat(LayoutReport.fitWarning("1280x720", false))
                .isEqualTo("警告：在 1280x720 下，检查点放不进课程面板：学生要滚动才能看全问题、选项和结果（缩短问题或选项，或把这一步拆开）");
        assertThat(LayoutReport.fitWarning("1024x768", true))
                .isEqualTo("警告：在 1024x768 的演示模式下，检查点放不进课程面板：全班要滚动才能看全问题、选项和结果（缩短问题或选项，或把这一步拆开）");
    }
}
