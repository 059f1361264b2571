package it.sportello.shared;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The persistent, cluster-safe scheduler every module's time-based work runs on (db-scheduler,
 * table {@code scheduled_tasks}): a task instance runs on one node at a time, survives restarts,
 * and is picked up by another node when its node dies. Modules contribute {@link Task} beans;
 * recurring ones start by themselves. Scheduling inside a Spring transaction is atomic with it.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean
    Scheduler scheduler(
            DataSource dataSource,
            List<Task<?>> tasks,
            @Value("${sportello.scheduler.polling-interval:5s}") Duration pollingInterval,
            @Value("${sportello.scheduler.threads:4}") int threads,
            java.time.Clock clock) {
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(RecurringTask.class::cast)
                .toList();
        // startTasks registers the recurring tasks itself; naming them twice fails with "Duplicate key".
        List<Task<?>> others =
                tasks.stream().filter(task -> !(task instanceof RecurringTask)).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
                .startTasks(recurring)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .enableImmediateExecution()
                // The application's clock decides what is due, so a test that moves time makes timers fire.
                .clock(clock::instant)
                // H2 gets no dialect of its own in db-scheduler; UTC everywhere keeps both databases alike.
                .alwaysPersistTimestampInUTC()
                .build();
    }

    /**
     * Starts the scheduler once the application (and its database schema) is ready. A stopped
     * context (Spring pauses idle cached test contexts, for one) only pauses the scheduler: it
     * cannot start twice, so it stops for good when the context is destroyed.
     */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean started;
            private volatile boolean running;

            @Override
            public void start() {
                if (started) {
                    scheduler.resume();
                } else {
                    scheduler.start();
                    started = true;
                }
                running = true;
            }

            @Override
            public void stop() {
                scheduler.pause();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                // After the web server and the database are up; paused before them.
                return Integer.MAX_VALUE - 100;
            }
        };
    }

    /** Stops the scheduler's threads for good when the application context closes. */
    @Bean
    DisposableBean schedulerShutdown(Scheduler scheduler) {
        return scheduler::stop;
    }
}
