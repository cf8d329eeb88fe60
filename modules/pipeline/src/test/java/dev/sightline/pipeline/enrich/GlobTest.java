package dev.sightline.pipeline.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void starStaysInASegmentDoubleStarCrossesSegments() {
        assertThat(Glob.compile("https://corp.sharepoint.com/sites/finance/*").matcher(
                "https://corp.sharepoint.com/sites/Finance/q3.xlsx").matches()).isTrue();
        assertThat(Glob.compile("https://corp.sharepoint.com/sites/finance/*").matcher(
                "https://corp.sharepoint.com/sites/finance/deep/q3.xlsx").matches()).isFalse();
        assertThat(Glob.compile("https://corp.sharepoint.com/sites/finance/**").matcher(
                "https://corp.sharepoint.com/sites/finance/deep/q3.xlsx").matches()).isTrue();
        assertThat(Glob.compile("report-?.pdf").matcher("report-7.pdf").matches()).isTrue();
        assertThat(Glob.compile("report-?.pdf").matcher("report-77.pdf").matches()).isFalse();
        assertThat(Glob.compile("a.b(c)[d]+$").matcher("a.b(c)[d]+$").matches()).as("regex characters are literal").isTrue();
        assertThat(Glob.compile("a.b").matcher("axb").matches()).isFalse();
    }

    @Property
    void anyPatternCompilesAndALiteralOneMatchesExactlyItself(@ForAll String text) {
        assertThat(Glob.compile(text)).isNotNull();
        String literal = text.replace("*", "").replace("?", "");
        assertThat(Glob.compile(literal).matcher(literal).matches()).isTrue();
        assertThat(Glob.compile(literal).matcher(literal + "x").matches()).isFalse();
    }
}
