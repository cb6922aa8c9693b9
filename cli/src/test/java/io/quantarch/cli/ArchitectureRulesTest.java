package io.quantarch.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module and package directions of docs/ARCHITECTURE.md, checked on the compiled classes (main code only): arrows
 * point at what a module may use; the simulator counts and only the pricing step prices; search returns records and
 * neither writes CSV nor draws; nothing below cli prints or exits.
 */
class ArchitectureRulesTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        // main code only: test classes, whether in test-classes folders or in the modules' test jars, may print
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")).importPackages("io.quantarch");
    }

    static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void configDependsOnNoOtherModule() {
        check(noClasses().that().resideInAPackage("io.quantarch.config..").should().dependOnClassesThat()
                .resideInAnyPackage("io.quantarch.numerics..", "io.quantarch.workloads..", "io.quantarch.cost..", "io.quantarch.simulator..",
                        "io.quantarch.pricing..", "io.quantarch.search..", "io.quantarch.reports..", "io.quantarch.spark..", "io.quantarch.cli.."));
    }

    @Test
    void numericsUsesOnlyConfig() {
        check(noClasses().that().resideInAPackage("io.quantarch.numerics..").should().dependOnClassesThat()
                .resideInAnyPackage("io.quantarch.workloads..", "io.quantarch.cost..", "io.quantarch.simulator..", "io.quantarch.pricing..",
                        "io.quantarch.search..", "io.quantarch.reports..", "io.quantarch.spark..", "io.quantarch.cli.."));
    }

    @Test
    void workloadsAndCostModelsDoNotReachUp() {
        check(noClasses().that().resideInAPackage("io.quantarch.workloads..").should().dependOnClassesThat()
                .resideInAnyPackage("io.quantarch.cost..", "io.quantarch.simulator..", "io.quantarch.pricing..", "io.quantarch.search..",
                        "io.quantarch.reports..", "io.quantarch.spark..", "io.quantarch.cli.."));
        check(noClasses().that().resideInAPackage("io.quantarch.cost..").should().dependOnClassesThat()
                .resideInAnyPackage("io.quantarch.workloads..", "io.quantarch.simulator..", "io.quantarch.pricing..", "io.quantarch.search..",
                        "io.quantarch.reports..", "io.quantarch.spark..", "io.quantarch.cli.."));
    }

    /** The simulator counts: it sees the cost model's action vocabulary only, never an estimator, a table or a pricing step. */
    @Test
    void simulatorDoesNotUseCostEstimators() {
        check(noClasses().that().resideInAPackage("io.quantarch.simulator..").should().dependOnClassesThat()
                .resideInAnyPackage("io.quantarch.cost.estimate..", "io.quantarch.cost.table..", "io.quantarch.cost.fpga..",
                        "io.quantarch.pricing..", "io.quantarch.search..", "io.quantarch.reports..", "io.quantarch.spark..", "io.quantarch.cli.."));
    }

    @Test
    void pricingSitsBelowSearch() {
        check(noClasses().that().resideInAPackage("io.quantarch.pricing..").should().dependOnClassesThat()
                .resideInAnyPackage("io.quantarch.search..", "io.quantarch.reports..", "io.quantarch.spark..", "io.quantarch.cli.."));
    }

    /** Search returns records: it neither draws (XChart) nor writes CSV (the reports module's one writer does). */
    @Test
    void searchDoesNotDrawOrWriteCsv() {
        check(noClasses().that().resideInAPackage("io.quantarch.search..").should().dependOnClassesThat()
                .resideInAnyPackage("org.knowm.xchart..", "io.quantarch.reports..", "io.quantarch.spark..", "io.quantarch.cli.."));
        check(noClasses().that().resideInAPackage("io.quantarch.search..").should().dependOnClassesThat()
                .haveFullyQualifiedName("org.apache.commons.csv.CSVPrinter"));
    }

    @Test
    void reportsSitBelowTheCommandLine() {
        check(noClasses().that().resideInAPackage("io.quantarch.reports..").should().dependOnClassesThat()
                .resideInAnyPackage("io.quantarch.spark..", "io.quantarch.cli.."));
    }

    /** Only the command line (and the spark-submit entry point, a command line of its own) prints or exits. */
    @Test
    void nothingBelowTheCommandLinePrintsOrExits() {
        check(noClasses().that().resideOutsideOfPackages("io.quantarch.cli..", "io.quantarch.bench..")
                .and().doNotHaveFullyQualifiedName("io.quantarch.spark.SparkExplore")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .orShould().callMethod(System.class, "exit", int.class));
    }
}
