package org.cdpdesktop.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    private static final Path HOME = Path.of("/home/ana");

    @Test
    void commandLineOptionWinsOverEnvironmentVariable() {
        Path chosen = DataDirectory.choose(Optional.of(Path.of("/data/cli")), Map.of("CDP_DATA_DIR", "/data/env"), "Linux", HOME);

        assertThat(chosen).isEqualTo(Path.of("/data/cli"));
    }

    @Test
    void environmentVariableWinsOverPlatformDefault() {
        Path chosen = DataDirectory.choose(Optional.empty(), Map.of("CDP_DATA_DIR", "/data/env"), "Linux", HOME);

        assertThat(chosen).isEqualTo(Path.of("/data/env"));
    }

    @Test
    void linuxDefaultFollowsXdgDataHome() {
        assertThat(DataDirectory.choose(Optional.empty(), Map.of(), "Linux", HOME))
                .isEqualTo(Path.of("/home/ana/.local/share/cdp-desktop"));
        assertThat(DataDirectory.choose(Optional.empty(), Map.of("XDG_DATA_HOME", "/xdg"), "Linux", HOME))
                .isEqualTo(Path.of("/xdg/cdp-desktop"));
    }

    @Test
    void macAndWindowsUseTheirPerUserFolders() {
        assertThat(DataDirectory.choose(Optional.empty(), Map.of(), "Mac OS X", HOME))
                .isEqualTo(Path.of("/home/ana/Library/Application Support/CDP Desktop"));
        assertThat(DataDirectory.choose(Optional.empty(), Map.of("APPDATA", "/appdata"), "Windows 11", HOME))
                .isEqualTo(Path.of("/appdata/CDP Desktop"));
    }

    @Test
    void blankEnvironmentVariableIsIgnored() {
        assertThat(DataDirectory.choose(Optional.empty(), Map.of("CDP_DATA_DIR", "  "), "Linux", HOME))
                .isEqualTo(Path.of("/home/ana/.local/share/cdp-desktop"));
    }

    @Test
    void openingCreatesEveryFolderTheAppWritesTo(@TempDir Path temp) {
        DataDirectory directory = DataDirectory.open(temp.resolve("new/data"));

        assertThat(directory.root()).isDirectory();
        assertThat(directory.models()).isDirectory();
        assertThat(directory.logs()).isDirectory();
        assertThat(directory.rejects()).isDirectory();
        assertThat(directory.presets()).isDirectory();
        assertThat(directory.database().getParent()).isEqualTo(directory.root());
        assertThat(Files.exists(directory.database())).isFalse();
    }
}
