package org.cdpdesktop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** One core, three thin doors: the core knows nothing of JavaFX, Javalin, picocli or the doors themselves. */
@AnalyzeClasses(packages = "org.cdpdesktop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIgnoresUserInterfaceFrameworks = noClasses()
            .that().resideInAPackage("org.cdpdesktop.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.javalin..", "picocli..", "org.controlsfx..", "atlantafx..",
                    "java.awt..", "javax.swing..")
            .because("core services are shared by the GUI, the CLI and the REST API");

    @ArchTest
    static final ArchRule coreIgnoresTheDoors = noClasses()
            .that().resideInAPackage("org.cdpdesktop.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.cdpdesktop.gui..", "org.cdpdesktop.cli..", "org.cdpdesktop.rest..")
            .because("the doors call the core, never the other way round");

    @ArchTest
    static final ArchRule doorsDoNotCallEachOther = noClasses()
            .that().resideInAPackage("org.cdpdesktop.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.cdpdesktop.gui..", "javafx..", "io.javalin..")
            .because("a CLI command must run with no display, and starts the REST API only through the rest package's ApiServer");

    @ArchTest
    static final ArchRule guiDoesNotUseOtherDoors = noClasses()
            .that().resideInAPackage("org.cdpdesktop.gui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.cdpdesktop.cli..", "picocli..", "io.javalin..")
            .because("the API screen starts the REST API only through the rest package's ApiServer");

    @ArchTest
    static final ArchRule restIsHeadless = noClasses()
            .that().resideInAPackage("org.cdpdesktop.rest..")
            .should().dependOnClassesThat().resideInAnyPackage("org.cdpdesktop.gui..", "org.cdpdesktop.cli..", "javafx..", "picocli..")
            .because("the REST API runs with no display, from the desktop app and from the command line alike");

    @ArchTest
    static final ArchRule nothingWritesToStandardStreamsButTheCli = noClasses()
            .that().resideOutsideOfPackage("org.cdpdesktop.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("stdout carries the CLI's JSON; everything else logs through SLF4J");

    @ArchTest
    static final ArchRule nothingDeserialisesJavaObjects = noClasses()
            .that().doNotHaveFullyQualifiedName("org.cdpdesktop.core.model.ModelRegistry")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
            .because("untrusted files are parsed, never deserialised; Weka models exist only as serialised objects, so the one"
                    + " registry reads them, after checking their checksum and through an allow-list of Weka's and the JDK's classes");

    @ArchTest
    static final ArchRule corePackagesFormNoCycles = slices()
            .matching("org.cdpdesktop.core.(*)..")
            .should().beFreeOfCycles()
            .because("each core package builds on lower ones (profile, query, clean), so one can change without the rest");
}
