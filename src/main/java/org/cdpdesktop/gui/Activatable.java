package org.cdpdesktop.gui;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * A view-model that listens to the store only while its screen is shown: {@link #activate()} subscribes and refreshes,
 * {@link #deactivate()} closes the subscription, so a hidden or closed screen neither leaks nor keeps querying.
 */
public interface Activatable {

    void activate();

    void deactivate();

    /** Activates {@code viewModel} while {@code view} is part of a showing window, and deactivates it otherwise. */
    static void whileShown(Node view, Activatable viewModel) {
        ObservableValue<Boolean> shown = view.sceneProperty()
                .flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty)
                .orElse(false);
        shown.addListener((observable, was, now) -> {
            if (now) {
                viewModel.activate();
            } else {
                viewModel.deactivate();
            }
        });
        view.getProperties().put(Activatable.class, shown);  // the binding lives as long as the view
        if (shown.getValue()) {
            viewModel.activate();
        }
    }
}
